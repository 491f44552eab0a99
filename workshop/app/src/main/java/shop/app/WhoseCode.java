package shop.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Whose code the shop runs with {@code --mine}, lab by lab: the attendee's (labs/NN-name) where the lab's check
 * passes, the solution where it doesn't. Only labs whose code the shop is built from count (01 to 09, and 11's trips).
 */
final class WhoseCode {
    record Choice(String lab, boolean mine, String why, URL classes) {
        String line() {
            return String.format("lab %-28s %-9s (%s)", lab, mine ? "yours" : "solution", why);
        }
    }

    private final Repository repository;
    private final LabCheck check;
    private final ClassLoader shop;

    WhoseCode(Repository repository, ClassLoader shop) {
        this.repository = repository;
        this.check = new LabCheck(repository);
        this.shop = shop;
    }

    /**
     * @param insisted labs the attendee named (e.g. "03"): if one of them can't run their code, this throws
     * @param progress told before a lab's tests run
     */
    List<Choice> choose(List<String> insisted, Consumer<String> progress) throws IOException, InterruptedException {
        List<Choice> choices = new ArrayList<>();
        for (String lab : repository.labs(List.of())) {
            Optional<Class<?>> solutionClass = aSolutionClass(lab);
            if (solutionClass.isEmpty()) {
                continue;
            }
            if (check.needsARun(lab)) {
                progress.accept("checking lab " + lab + " against your code (./mvnw test -pl labs/" + lab + ")...");
            }
            LabResult result = check.current(lab);
            boolean mine = result.done();
            String why = mine ? "your check passes"
                    : result.compileError() != null ? "your code does not compile: " + result.compileError()
                    : result.tests() == 0 && result.placeholder() != null ? result.placeholder()
                    : "your check fails: " + result.shortFailure();
            URL classes = mine ? url(repository.lab(lab).resolve("target/classes"))
                    : solutionClass.get().getProtectionDomain().getCodeSource().getLocation();
            choices.add(new Choice(lab, mine, why, classes));
        }
        for (String asked : insisted) {
            Choice choice = choices.stream().filter(c -> c.lab().startsWith(asked)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--mine " + asked + ": no lab of the shop matches"
                            + " (its code runs in labs 01 to 09 and 11; the others run in their tests only)"));
            if (!choice.mine()) {
                throw new IllegalArgumentException("lab " + choice.lab() + ": " + choice.why());
            }
        }
        return choices;
    }

    ClassLoader loader(List<Choice> choices) {
        return new ChildFirstClassLoader(choices.stream().map(Choice::classes).toList(), shop);
    }

    /** A class of the lab's solution that the shop has on its classpath; empty if the shop has none of the lab. */
    private Optional<Class<?>> aSolutionClass(String lab) throws IOException {
        Path sources = repository.solution(lab).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = sources.relativize(file).toString().replace('\\', '/').replace('/', '.').replaceFirst("\\.java$", "");
                try {
                    return Optional.of(Class.forName(name, false, shop));
                } catch (ClassNotFoundException notInTheShop) {
                    // the shop does not run this lab's code
                }
            }
        }
        return Optional.empty();
    }

    private static URL url(Path dir) {
        try {
            return dir.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
