package shop.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The workshop repository the command runs in: its root, its labs, its Maven wrapper. */
record Repository(Path root) {

    /** The repository around the current directory. */
    static Repository here() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("labs")) && Files.exists(dir.resolve("mvnw"))) {
                return new Repository(dir);
            }
        }
        throw new IllegalArgumentException("run this from inside the workshop repository (no labs/ and mvnw found)");
    }

    /** Lab folder names, e.g. 03-kafka-handlers, sorted; those starting with one of {@code only} if it is not empty. */
    List<String> labs(List<String> only) {
        try (Stream<Path> dirs = Files.list(root.resolve("labs"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("pom.xml")))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches("\\d\\d-.*"))
                    .filter(name -> only.isEmpty() || only.stream().anyMatch(name::startsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path lab(String lab) {
        return root.resolve("labs").resolve(lab);
    }

    Path solution(String lab) {
        return root.resolve("solutions").resolve(lab);
    }

    String mavenWrapper() {
        return root.resolve(File.separatorChar == '\\' ? "mvnw.cmd" : "mvnw").toString();
    }
}
