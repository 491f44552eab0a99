package shop.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What is wrong with the labs' layout under a repository root, one line per problem naming lab, file and line. */
final class LabLayout {
    private LabLayout() {}

    static List<String> problems(Path root) {
        List<String> problems = new ArrayList<>();
        for (String lab : labs(root)) {
            Path starterMain = root.resolve("labs").resolve(lab).resolve("src/main");
            Path solutionMain = root.resolve("solutions").resolve(lab).resolve("src/main");
            Path given = root.resolve("labs").resolve(lab).resolve("src/given");
            Set<String> starterFiles = files(starterMain);
            Set<String> solutionFiles = files(solutionMain);
            for (String file : union(starterFiles, solutionFiles)) {
                String where = lab + ": " + file;
                if (!solutionFiles.contains(file)) {
                    problems.add(where + " is in labs/ but not in solutions/ (a file the attendee does not write belongs in src/given)");
                } else if (!starterFiles.contains(file)) {
                    problems.add(where + " is in solutions/ but not in labs/ (only the attendee's files belong in a solution)");
                } else {
                    compare(starterMain.resolve(file), solutionMain.resolve(file), where, problems);
                }
                if (Files.exists(given.resolve(file))) {
                    problems.add(where + " has two homes: src/main and src/given");
                }
            }
        }
        return problems;
    }

    private static void compare(Path starter, Path solution, String where, List<String> problems) {
        List<String> ours = lines(starter);
        List<String> theirs = lines(solution);
        try {
            if (!TodoRegions.hasRegion(ours)) {
                problems.add(where + " has no TODO region: the attendee writes nothing there, so it belongs in src/given");
            }
            TodoRegions.drift(ours, theirs).ifPresent(drift -> problems.add(where + " drifted outside the TODO regions: " + drift));
        } catch (IllegalArgumentException e) {
            problems.add(where + " " + e.getMessage());
        }
    }

    static List<String> labs(Path root) {
        try (Stream<Path> dirs = Files.list(root.resolve("labs"))) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches("\\d\\d-.+")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Paths of the regular files under dir, relative to it, with / as separator. */
    static Set<String> files(Path dir) {
        Set<String> files = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(Files::isRegularFile).forEach(path -> files.add(dir.relativize(path).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
