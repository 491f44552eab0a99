package shop.app;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the tests of every lab (or the ones named) against your code in labs/,",
                "and print a progress table: lab, tests passed, the first thing still failing."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "LAB", description = "labs to check, e.g. 01 or 01-metrics (default: all)")
    List<String> only = new ArrayList<>();

    @Option(names = "--starters-must-fail", description = "for CI: succeed only if every starter fails its own tests")
    boolean startersMustFail;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = repositoryRoot();
        List<String> labs = labs(root);
        if (labs.isEmpty()) {
            throw new IllegalArgumentException("no lab matches " + only + " under " + root.resolve("labs"));
        }
        out.printf("%-28s %-8s %s%n", "lab", "passed", startersMustFail ? "starter" : "first thing still failing");
        int wrong = 0;
        for (String lab : labs) {
            LabResult result = run(root, lab);
            String verdict;
            if (startersMustFail) {
                verdict = result.failsLikeAStarterShould() ? "fails as it should"
                        : result.buildPassed() ? "BUG: the starter passes its tests"
                        : "BUG: " + (result.tests() == 0 ? "no test ran" : "the build failed but no test did");
                wrong += result.failsLikeAStarterShould() ? 0 : 1;
            } else {
                verdict = result.done() ? "done" : result.shortFailure();
                wrong += result.done() ? 0 : 1;
            }
            out.printf("%-28s %-8s %s%n", lab, result.passed() + "/" + result.tests(), verdict);
        }
        return wrong == 0 ? 0 : 1;
    }

    private List<String> labs(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve("labs"))) {
            return dirs.filter(dir -> Files.exists(dir.resolve("pom.xml")))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches("\\d\\d-.*"))
                    .filter(name -> only.isEmpty() || only.stream().anyMatch(name::startsWith))
                    .sorted()
                    .toList();
        }
    }

    private LabResult run(Path root, String lab) throws IOException, InterruptedException {
        Path module = root.resolve("labs").resolve(lab);
        Path reports = module.resolve("target/failsafe-reports");
        deleteTree(reports);
        Path log = Files.createTempFile("check-" + lab + "-", ".log");
        String mvnw = root.resolve(isWindows() ? "mvnw.cmd" : "mvnw").toString();
        Process process = new ProcessBuilder(mvnw, "-q", "-B", "verify", "-pl", "labs/" + lab)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean passed = process.waitFor() == 0;
        return LabResult.read(lab, reports, passed);
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("labs")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("run check from inside the workshop repository (no labs/ and mvnw found)");
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
