package shop.rehearse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * One block's commands in {@code bash -e -o pipefail} (so a command that fails, or a grep that finds nothing,
 * fails the block), in the repository's folder, output to a file.
 */
final class Shell {

    private final Process process;
    private final Path output;

    private Shell(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static Shell start(Path root, String code) throws IOException {
        Path output = Files.createTempFile("rehearse-", ".out");
        output.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", code)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("REHEARSAL", "1");
        return new Shell(builder.start(), output);
    }

    /** Exit code, or empty if it is still running after the timeout (then it is stopped). */
    OptionalInt await(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.of(process.exitValue());
        }
        stop();
        return OptionalInt.empty();
    }

    boolean alive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /** As Ctrl-C would: the commands and everything they started get SIGTERM, then SIGKILL after 20 s. */
    void stop() throws InterruptedException {
        var tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
        if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            process.destroyForcibly();
        }
    }
}
