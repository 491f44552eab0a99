package shop.infracheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container-to-host path of the Linux stack, without Docker: a real Prometheus and a real Prometheus agent run
 * exactly infra/prometheus/linux/*.yml, and the agent scrapes a real shop on 127.0.0.1:7070, as it does with host
 * networking. To use the stack's own ports, everything runs in a fresh network namespace (LinuxStackInANamespace,
 * started with {@code unshare --net}), which disappears with it. Needs Linux, prometheus, unshare and ip, and root
 * (or unprivileged user namespaces); skipped without them on a laptop, failed in CI.
 */
class LinuxScrapePathTest {

    @Test
    void theAgentOnTheHostNetworkScrapesTheShopOnLoopbackIntoTheStacksPrometheus(@TempDir Path work) {
        Path prometheus = Binaries.require("prometheus");
        List<String> command = new ArrayList<>(Binaries.netNamespace());
        // The new namespace has only a loopback interface, and it is down.
        command.addAll(List.of("sh", "-c", "ip link set lo up && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LinuxStackInANamespace.class.getName(),
                Infra.dir().toString(), prometheus.toString(), work.toString()));

        Command run = Command.run(work, command, 180);

        assertThat(run.output()).as("output of the run in a network namespace:\n" + run.output()).contains("PASSED");
        assertThat(run.exitCode()).isZero();
    }
}
