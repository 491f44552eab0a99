package shop.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {"The observability stack in infra/ (Grafana, Prometheus, Tempo, Kafka, Temporal) with docker compose:",
                "the right compose files for this machine, a Grafana admin password in infra/.env (made and printed once),",
                "compose's own messages, then a check that every UI answers and that Prometheus scrapes the shop."})
final class StackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** For tests: a docker that is not there. */
    @Option(names = "--docker-command", hidden = true, defaultValue = "docker")
    String dockerCommand;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start the stack (or bring it up to date) and wait until every UI answers.")
    int up() throws Exception {
        Stack stack = stack();
        return verdict(stack.up(stack.files()), "The stack is up.");
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = {"Stop the stack. Kafka's topics and Temporal's workflows stay on their volumes for the next up;",
                    "metrics and traces are forgotten. With --volumes, forget everything (this is the reset)."})
    int down(@Option(names = "--volumes", description = "also remove the volumes: topics, offsets, workflows")
             boolean volumes) throws Exception {
        Stack stack = stack();
        stack.down(stack.files(), volumes);
        out().println("The stack is down.");
        return 0;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The containers, whether each UI answers, and whether Prometheus scrapes the shop (and why not).")
    int status() throws Exception {
        Stack stack = stack();
        return verdict(stack.status(stack.files()), "All is well.");
    }

    private int verdict(List<String> problems, String allWell) {
        out().println(problems.isEmpty() ? allWell : problems.size() + " thing(s) to look at, see above.");
        return problems.isEmpty() ? 0 : 1;
    }

    private Stack stack() {
        return new Stack(infra(), dockerCommand, out());
    }

    static Path infra() {
        return Repository.here().root().resolve("infra");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
