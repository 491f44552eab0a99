package shop.infracheck;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds prometheus and promtool on the PATH, or fails with the command that installs them. */
final class Binaries {
    private Binaries() {}

    static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not on the PATH: install it with `apt-get install -y prometheus`"
                + " (Debian/Ubuntu; it provides prometheus and promtool)");
    }
}
