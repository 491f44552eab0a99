package shop.infracheck;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds prometheus and promtool on the PATH. Without them the checks are skipped on a laptop (a JDK is all an
 * attendee needs), but fail in CI ({@code CI} set), where .ci/run installs them.
 */
final class Binaries {
    private Binaries() {}

    static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = name + " is not on the PATH: install it with `apt-get install -y prometheus`"
                + " (Debian/Ubuntu; it provides prometheus and promtool)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message + "; skipped outside CI");
        return null;
    }
}
