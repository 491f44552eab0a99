package shop.infracheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion in a folder and keeps what it printed. */
record Command(int exitCode, String output) {

    static Command run(Path workDir, List<String> command) {
        return run(workDir, command, 60);
    }

    static Command run(Path workDir, List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .directory(workDir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Command(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + " could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
