package shop.infracheck;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds prometheus and promtool (and the tools for a network namespace) on the PATH. Without them the checks are
 * skipped on a laptop (a JDK is all an attendee needs), but fail in CI ({@code CI} set), where .ci/run installs them.
 */
final class Binaries {
    private Binaries() {}

    static Path require(String name) {
        return require(name, "install it with `apt-get install -y prometheus`"
                + " (Debian/Ubuntu; it provides prometheus and promtool)");
    }

    /**
     * The command prefix that runs a command in a new network namespace: {@code unshare --net} as root, else
     * {@code unshare --user --map-root-user --net} where unprivileged user namespaces are allowed.
     */
    static List<String> netNamespace() {
        require("unshare", "it is part of util-linux");
        require("ip", "install iproute2");
        List<String> root = List.of("unshare", "--net", "--");
        List<String> user = List.of("unshare", "--user", "--map-root-user", "--net", "--");
        for (List<String> prefix : List.of(root, user)) {
            List<String> probe = new ArrayList<>(prefix);
            probe.addAll(List.of("ip", "link", "set", "lo", "up"));
            if (Command.run(Path.of("."), probe).exitCode() == 0) {
                return prefix;
            }
        }
        return unavailable("no network namespace can be made here (run as root, or allow unprivileged user"
                + " namespaces)");
    }

    private static Path require(String name, String howToInstall) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return unavailable(name + " is not on the PATH: " + howToInstall);
    }

    private static <T> T unavailable(String message) {
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message + "; skipped outside CI");
        return null;
    }
}
