package shop.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The docker command line, run in infra/. What goes wrong before compose runs (no docker, no Compose v2, no engine)
 * is an IllegalArgumentException with a one-line message, which the CLI prints as {@code error: ...} (exit code 2).
 */
final class Docker {
    private final String executable;
    private final Path workDir;

    Docker(String executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** @return Compose's version, e.g. 2.39.1 */
    String requireCompose() throws InterruptedException {
        Result version = run(Duration.ofSeconds(30), "compose", "version", "--short");
        if (version.exitCode() != 0) {
            throw new IllegalArgumentException("Docker Compose v2 is missing (`" + executable + " compose version` said: "
                    + version.firstLine() + "); install the compose plugin (docker-compose-plugin) or Docker Desktop;"
                    + " the old docker-compose v1 cannot read infra/'s files");
        }
        return version.firstLine();
    }

    /** @return the engine's operating system, e.g. "Ubuntu 24.04.1 LTS" or "Docker Desktop" */
    String engineOperatingSystem() throws InterruptedException {
        Result info = run(Duration.ofSeconds(30), "info", "--format", "{{.OperatingSystem}}");
        if (info.exitCode() != 0 || info.firstLine().isBlank()) {
            throw new IllegalArgumentException("the Docker engine does not answer (`" + executable + " info` said: "
                    + info.firstLine() + "); start Docker Desktop or the docker service");
        }
        return info.firstLine();
    }

    /** Runs {@code docker compose ARGS}, printing what compose prints as it comes; @return its exit code */
    int compose(List<String> arguments, Duration timeout, PrintWriter out) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("compose"));
        command.addAll(arguments);
        Process process = start(command);
        Thread copier = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(line -> out.println("  | " + line));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        copier.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            copier.join(5_000);
            out.println("  docker compose " + String.join(" ", arguments) + " did not finish within " + timeout.toMinutes() + " min");
            return 124;
        }
        copier.join(5_000);
        out.flush();
        return process.exitValue();
    }

    record Result(int exitCode, String output) {
        String firstLine() {
            return output.strip().lines().findFirst().orElse("(nothing)");
        }
    }

    Result run(Duration timeout, String... arguments) throws InterruptedException {
        Process process = start(List.of(arguments));
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(124, executable + " " + String.join(" ", arguments) + " did not answer within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(1, e.getMessage());
        }
    }

    private Process start(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw new IllegalArgumentException(executable + " is not installed (or not on the PATH): the stack in infra/"
                    + " needs Docker with Compose v2; the shop itself does not (./shop run)");
        }
    }
}
