package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhoseCodePartsTest {
    @TempDir
    Path repo;

    @Test
    void aPlaceholderLeftInTheAttendeesCodeIsNamedWithItsFileAndLine() throws Exception {
        Path sources = repo.resolve("labs/02-x/src/main/java/shop");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Done.java"), "class Done {\n    // throw new Todo(1, \"in a comment\")\n}\n");
        Files.writeString(sources.resolve("Topics.java"), "class Topics {\n    List<String> t = Todo.value(3, \"topics\");\n}\n");

        assertThat(Placeholders.firstIn(repo.resolve("labs/02-x/src/main/java"), repo))
                .isEqualTo("TODO 3 is still a placeholder (labs/02-x/src/main/java/shop/Topics.java:2)");
        Files.writeString(sources.resolve("Topics.java"), "class Topics {\n    List<String> t = List.of();\n}\n");
        assertThat(Placeholders.firstIn(repo.resolve("labs/02-x/src/main/java"), repo)).isNull();
    }

    @Test
    void aCompileErrorIsOneLineNamingTheFileRelativeToTheRepository() {
        String log = "[INFO] x\n[ERROR] " + repo.resolve("labs/03-x/src/main/java/shop/Pay.java")
                + ":[36,9] ';' expected\n[ERROR] " + repo.resolve("labs/03-x/src/main/java/shop/Other.java") + ":[1,1] later\n";

        assertThat(CompileError.firstIn(log, repo)).isEqualTo("labs/03-x/src/main/java/shop/Pay.java:36: ';' expected");
        assertThat(CompileError.firstIn("[ERROR] Tests run: 3, Failures: 1", repo)).isNull();
    }

    @Test
    void theLabsLoaderPrefersItsOwnClassesOverTheShopsSoSolutionClassesCallTheAttendeesCode() throws Exception {
        Path solution = compile("solution", "package p; public class Step { public String who() { return \"solution\"; } }",
                "package p; public class Caller { public String call() { return new Step().who(); } }");
        Path mine = compile("mine", "package p; public class Step { public String who() { return \"mine\"; } }");
        ClassLoader shop = new java.net.URLClassLoader(new URL[] {solution.toUri().toURL()}, getClass().getClassLoader());

        ClassLoader labs = new ChildFirstClassLoader(List.of(mine.toUri().toURL(), solution.toUri().toURL()), shop);
        Object caller = labs.loadClass("p.Caller").getConstructor().newInstance();

        assertThat(caller.getClass().getMethod("call").invoke(caller))
                .as("a class the shop also has (Caller) must be loaded by the labs' loader, so it calls the attendee's Step")
                .isEqualTo("mine");
        assertThat(labs.loadClass("java.lang.String")).isSameAs(String.class);
        assertThat(labs.loadClass(WhoseCodePartsTest.class.getName())).isSameAs(WhoseCodePartsTest.class);
    }

    private Path compile(String name, String... sources) throws Exception {
        Path src = repo.resolve(name + "-src/p");
        Path out = repo.resolve(name);
        Files.createDirectories(src);
        Files.createDirectories(out);
        String[] args = new String[sources.length + 2];
        args[0] = "-d";
        args[1] = out.toString();
        for (int i = 0; i < sources.length; i++) {
            String simpleName = sources[i].replaceAll("(?s).*public class (\\w+).*", "$1");
            Path file = src.resolve(simpleName + ".java");
            Files.writeString(file, sources[i]);
            args[i + 2] = file.toString();
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args)).as("javac " + name).isZero();
        return out;
    }
}
