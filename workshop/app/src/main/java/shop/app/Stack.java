package shop.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The docker compose stack in infra/: up, down, status, with the right files for this machine. */
final class Stack {
    private final Path infra;
    private final Docker docker;
    private final PrintWriter out;
    private final StackProbe probe = new StackProbe();

    Stack(Path infra, String dockerExecutable, PrintWriter out) {
        if (!Files.exists(infra.resolve(StackFiles.BASE))) {
            throw new IllegalArgumentException("no " + StackFiles.BASE + " in " + infra);
        }
        this.infra = infra;
        this.docker = new Docker(dockerExecutable, infra);
        this.out = out;
    }

    /** The files for this machine; prints which, and why. Throws (one line) if Docker or Compose v2 is missing. */
    StackFiles files() throws InterruptedException {
        String compose = docker.requireCompose();
        StackFiles files = StackFiles.forPlatform(System.getProperty("os.name"), docker.engineOperatingSystem());
        out.printf("Docker Compose %s; files %s (%s)%n", compose, String.join(" + ", files.files()), files.why());
        return files;
    }

    /** Starts the stack, then checks it; @return what is wrong, empty when all is well */
    List<String> up(StackFiles files) throws IOException, InterruptedException {
        List<String> problems = start(files);
        // Right after `up` the shop may not run yet (it starts against the stack): that is said, not counted.
        return problems.isEmpty() ? check(files, Duration.ofMinutes(2), true, false) : problems;
    }

    /** Writes infra/.env and runs compose up until every container is healthy; @return what went wrong */
    List<String> start(StackFiles files) throws IOException, InterruptedException {
        StackEnv env = new StackEnv(infra.resolve(".env"));
        env.ensurePassword().ifPresent(password -> out.println("Grafana admin password (printed this once, kept in"
                + " infra/.env): " + password + "   log in at http://127.0.0.1:3000/login as admin"));
        env.set(StackEnv.COMPOSE_FILE, files.composeFileVariable());
        List<String> arguments = new ArrayList<>(files.composeArguments());
        arguments.addAll(List.of("up", "--detach", "--wait", "--remove-orphans"));
        out.println("docker compose " + String.join(" ", arguments) + "   (in infra/; the first time pulls the images)");
        int exit = docker.compose(arguments, Duration.ofMinutes(15), out);
        if (exit != 0) {
            return List.of("docker compose up failed (exit code " + exit + "): its own messages are above");
        }
        return List.of();
    }

    /** @param volumes also forget what the volumes keep: Kafka's topics, Temporal's workflows */
    void down(StackFiles files, boolean volumes) throws InterruptedException {
        List<String> arguments = new ArrayList<>(files.composeArguments());
        arguments.addAll(List.of("down", "--remove-orphans"));
        if (volumes) {
            arguments.add("--volumes");
        }
        out.println("docker compose " + String.join(" ", arguments) + (volumes
                ? "   (forgets every metric, trace, topic and workflow)"
                : "   (forgets metrics and traces; Kafka's topics and Temporal's workflows stay on their volumes)"));
        int exit = docker.compose(arguments, Duration.ofMinutes(5), out);
        if (exit != 0) {
            throw new IllegalStateException("docker compose down failed (exit code " + exit + "): its own messages are above");
        }
    }

    List<String> status(StackFiles files) throws InterruptedException {
        List<String> arguments = new ArrayList<>(files.composeArguments());
        arguments.add("ps");
        docker.compose(arguments, Duration.ofMinutes(1), out);
        return check(files, Duration.ofSeconds(5), true, true);
    }

    /**
     * Every UI answers within the patience, and (if asked) Prometheus scrapes the shop, or why not; a shop that does
     * not run counts as a problem only if it must run.
     */
    List<String> check(StackFiles files, Duration patience, boolean shop, boolean shopMustRun) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        Instant deadline = Instant.now().plus(patience); // one patience for all of them, not one each
        for (Map.Entry<String, String> ui : StackProbe.uis(files.hostNetwork()).entrySet()) {
            boolean answers = probe.answers(ui.getValue(), Duration.between(Instant.now(), deadline));
            out.printf("  %-6s %s at %s%n", answers ? "ok" : "FAIL", ui.getKey(), ui.getValue());
            if (!answers) {
                problems.add(ui.getKey() + " does not answer at " + ui.getValue());
            }
        }
        if (!shop) {
            return problems;
        }
        String why = probe.shopScraped(files.hostNetwork(), Duration.ofSeconds(20));
        out.printf("  %-6s Prometheus scrapes the shop: up{job=\"shop\",process=\"shop\"} is 1%s%n",
                why == null ? "ok" : "NO", why == null ? "" : "\n         " + why);
        if (why != null && (shopMustRun || !why.startsWith(StackProbe.NOT_RUNNING))) {
            problems.add(why);
        }
        return problems;
    }
}
