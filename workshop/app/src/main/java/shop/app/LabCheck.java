package shop.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs one lab's tests against the attendee's code in labs/ ({@code mvnw test -pl labs/NN-name}), and remembers
 * the result in the lab's target folder, so that {@code ./shop check} and {@code ./shop run --mine} agree.
 */
final class LabCheck {
    private final Repository repository;

    LabCheck(Repository repository) {
        this.repository = repository;
    }

    /** Runs the lab's tests now. */
    LabResult run(String lab) throws IOException, InterruptedException {
        Path module = repository.lab(lab);
        Path reports = module.resolve("target/surefire-reports");
        deleteTree(reports);
        Path log = Files.createTempFile("check-" + lab + "-", ".log");
        try {
            Process process = new ProcessBuilder(repository.mavenWrapper(), "-q", "-B", "test", "-pl", "labs/" + lab)
                    .directory(repository.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean passed = process.waitFor() == 0;
            LabResult result = LabResult.read(lab, reports, passed)
                    .withCompileError(CompileError.firstIn(Files.readString(log), repository.root()))
                    .withPlaceholder(placeholder(lab));
            result.save(remembered(lab));
            return result;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The last result, if no file of the lab changed since. */
    Optional<LabResult> lastIfCurrent(String lab) throws IOException {
        Path saved = remembered(lab);
        if (!Files.exists(saved) || !Files.isDirectory(repository.lab(lab).resolve("target/classes"))) {
            return Optional.empty();
        }
        FileTime checkedAt = Files.getLastModifiedTime(saved);
        if (newestSource(lab).compareTo(checkedAt) > 0) {
            return Optional.empty();
        }
        return Optional.of(LabResult.load(lab, saved));
    }

    /** The last result if current; otherwise unfinished if a placeholder is left, or else a new run. */
    LabResult current(String lab) throws IOException, InterruptedException {
        Optional<LabResult> last = lastIfCurrent(lab);
        if (last.isPresent()) {
            return last.get();
        }
        String placeholder = placeholder(lab);
        return placeholder != null ? LabResult.unfinished(lab, placeholder) : run(lab);
    }

    /** Whether the tests would run at all: a lab with a placeholder left is not done, whatever its tests say. */
    boolean needsARun(String lab) throws IOException {
        return lastIfCurrent(lab).isEmpty() && placeholder(lab) == null;
    }

    private String placeholder(String lab) throws IOException {
        return Placeholders.firstIn(repository.lab(lab).resolve("src/main/java"), repository.root());
    }

    private Path remembered(String lab) {
        return repository.lab(lab).resolve("target/shop-check.properties");
    }

    private FileTime newestSource(String lab) throws IOException {
        Path module = repository.lab(lab);
        FileTime newest = Files.getLastModifiedTime(module.resolve("pom.xml"));
        try (Stream<Path> files = Files.walk(module.resolve("src"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                FileTime time = Files.getLastModifiedTime(file);
                newest = time.compareTo(newest) > 0 ? time : newest;
            }
        }
        return newest;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
