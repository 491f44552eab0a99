package shop.app;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prometheus", mixinStandardHelpOptions = true,
        description = {"Run a Prometheus that is already installed (Debian's or Homebrew's `prometheus`), without Docker:",
                "the repo's rules (infra/prometheus/rules) and the shop on 127.0.0.1 as its target, listening on",
                "127.0.0.1. Only flags that Prometheus 2 and 3 both know. Ctrl-C stops it."})
final class PrometheusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "9090", description = "where Prometheus listens, on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--shop-port", defaultValue = "7070",
            description = "the shop's port; the next two are the choreography service and the Temporal worker (default ${DEFAULT-VALUE})")
    int shopPort;

    @Option(names = "--binary", defaultValue = "prometheus", description = "the prometheus to run (default: the one on the PATH)")
    String binary;

    @Option(names = "--data", description = "where it keeps its data (default: a folder under the system's temp folder)")
    Path data;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path infra = StackCommand.infra();
        Path work = data != null ? data : Path.of(System.getProperty("java.io.tmpdir"), "shop-prometheus");
        Process process = start(infra, work, binary, port, shopPort);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        out.printf("Prometheus on http://127.0.0.1:%d (rules from infra/prometheus/rules, scraping 127.0.0.1:%d-%d;"
                + " config and data in %s). Ctrl-C stops it.%n", port, shopPort, shopPort + 2, work);
        out.flush();
        return process.waitFor();
    }

    /** Writes the config and starts the binary, its output on this terminal. */
    static Process start(Path infra, Path work, String binary, int port, int shopPort) throws IOException {
        Files.createDirectories(work);
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, config(infra, port, shopPort));
        try {
            return new ProcessBuilder(command(binary, config, work.resolve("data"), port)).inheritIO().start();
        } catch (IOException notInstalled) {
            throw new IllegalArgumentException(binary + " is not installed (or not on the PATH): install Prometheus"
                    + " (apt-get install prometheus, brew install prometheus), or use the stack in infra/ (./shop stack up)");
        }
    }

    /** Flags that Prometheus 2.x (Debian's 2.42) and 3.x both accept; no --web.enable-otlp-receiver (3 only). */
    static List<String> command(String binary, Path config, Path data, int port) {
        return new ArrayList<>(List.of(binary,
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port,
                "--enable-feature=exemplar-storage",
                "--web.enable-remote-write-receiver",
                "--log.level=warn"));
    }

    /**
     * The stack's config (5 s) with the shop job that the Linux stack's scraper runs (prometheus/linux/shop-scraper.yml:
     * the shop on 127.0.0.1, the same labels), on the ports asked for, and the repo's rules; no containers to scrape.
     */
    static String config(Path infra, int port, int shopPort) throws IOException {
        String agent = Files.readString(infra.resolve("prometheus/linux/shop-scraper.yml"));
        String shopJob = agent.substring(agent.indexOf("scrape_configs:"), agent.indexOf("remote_write:")).strip();
        for (int part = 2; part >= 0; part--) {
            shopJob = shopJob.replace("127.0.0.1:" + (7070 + part), "127.0.0.1:" + (shopPort + part));
        }
        String rules = infra.resolve("prometheus").resolve("rules").toAbsolutePath().toString().replace(File.separatorChar, '/');
        return """
                # Written by ./shop prometheus from infra/prometheus: the Linux stack's shop job, and the repo's rules.
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s
                rule_files:
                  - "%s/*.yml"
                %s
                  - job_name: prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(rules, shopJob, port);
    }
}
