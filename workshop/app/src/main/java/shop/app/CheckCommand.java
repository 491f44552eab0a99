package shop.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the tests of every lab (or the ones named) against your code in labs/,",
                "and print a progress table: lab, tests passed, the first thing still failing.",
                "Each lab runs as `./mvnw test -pl labs/NN-name` would; `./shop run --mine` uses the same results."})
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
        Repository repository = Repository.here();
        List<String> labs = repository.labs(only);
        if (labs.isEmpty()) {
            throw new IllegalArgumentException("no lab matches " + only + " under " + repository.lab(""));
        }
        LabCheck check = new LabCheck(repository);
        out.printf("%-28s %-8s %6s  %s%n", "lab", "passed", "time", startersMustFail ? "starter" : "first thing still failing");
        int wrong = 0;
        for (String lab : labs) {
            long start = System.nanoTime();
            LabResult result = check.run(lab);
            String took = String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - start) / 1e9);
            String verdict;
            if (startersMustFail) {
                verdict = result.failsLikeAStarterShould() ? "fails as it should"
                        : result.buildPassed() ? "BUG: the starter passes its tests"
                        : "BUG: " + (result.tests() == 0 ? "no test ran: " + result.shortFailure() : "the build failed but no test did");
                wrong += result.failsLikeAStarterShould() ? 0 : 1;
            } else {
                verdict = result.done() ? "done" : result.shortFailure();
                wrong += result.done() ? 0 : 1;
            }
            out.printf("%-28s %-8s %6s  %s%n", lab, result.passed() + "/" + result.tests(), took, verdict);
        }
        return wrong == 0 ? 0 : 1;
    }
}
