package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** ./shop stack without a Docker engine: the files it picks, infra/.env, and what it says when Docker is missing. */
class StackCommandTest {
    private final Cli cli = new Cli();

    @Test
    void aLinuxEngineGetsTheOverrideWithTheHostNetworkScraper() {
        StackFiles files = StackFiles.forPlatform("Linux", "Ubuntu 24.04.1 LTS");

        assertThat(files.hostNetwork()).isTrue();
        assertThat(files.composeArguments())
                .containsExactly("-f", "docker-compose.yml", "-f", "docker-compose.linux.yml");
        assertThat(files.composeFileVariable()).isEqualTo("docker-compose.yml:docker-compose.linux.yml");
    }

    @Test
    void dockerDesktopAnywhereGetsTheBaseFileAlone() {
        for (String[] platform : new String[][] {{"Mac OS X", "Docker Desktop"}, {"Windows 11", "Docker Desktop"},
                {"Linux", "Docker Desktop"}}) {
            StackFiles files = StackFiles.forPlatform(platform[0], platform[1]);
            assertThat(files.files()).as(String.join(" / ", platform)).containsExactly("docker-compose.yml");
            assertThat(files.hostNetwork()).isFalse();
            assertThat(files.composeFileVariable()).isNull();
        }
    }

    @Test
    void theGrafanaPasswordIsMadeOnceKeptPrivateAndNeverOverwritten(@TempDir Path infra) throws Exception {
        Path file = infra.resolve(".env");
        Files.writeString(file, "MY_OWN=setting\n");

        String password = new StackEnv(file).ensurePassword().orElseThrow();
        StackEnv again = new StackEnv(file);

        assertThat(password).hasSizeGreaterThanOrEqualTo(20).doesNotContain("$");
        assertThat(again.ensurePassword()).as("a second run makes no new password").isEmpty();
        assertThat(again.get(StackEnv.PASSWORD)).contains(password);
        assertThat(Files.readString(file)).contains("MY_OWN=setting").contains("GRAFANA_ADMIN_PASSWORD=" + password);
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void composeFileIsWrittenForTheOverrideAndRemovedWithout(@TempDir Path infra) throws Exception {
        Path file = infra.resolve(".env");
        StackEnv env = new StackEnv(file);
        env.ensurePassword();
        env.set(StackEnv.COMPOSE_FILE, StackFiles.forPlatform("Linux", "Debian").composeFileVariable());
        assertThat(Files.readString(file)).contains("COMPOSE_FILE=docker-compose.yml:docker-compose.linux.yml");

        StackEnv later = new StackEnv(file);
        later.set(StackEnv.COMPOSE_FILE, null);
        assertThat(Files.readString(file)).doesNotContain("COMPOSE_FILE").contains("GRAFANA_ADMIN_PASSWORD=");
    }

    @Test
    void withoutDockerTheErrorIsOneLineAndTheExitCodeTwo() {
        int exit = cli.run("stack", "--docker-command", "no-such-docker-here", "status");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString().strip()).doesNotContain("\n")
                .startsWith("error: no-such-docker-here is not installed").contains("Compose v2").contains("./shop run");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withoutComposeV2TheErrorSaysWhatDockerSaid(@TempDir Path dir) throws Exception {
        Path docker = fakeDocker(dir, "echo 'docker: unknown command: docker compose' >&2; exit 1");

        int exit = cli.run("stack", "--docker-command", docker.toString(), "up");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString().strip()).doesNotContain("\n")
                .contains("Docker Compose v2 is missing").contains("docker: unknown command: docker compose");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void composesOwnErrorIsShownAndNothingWaitsAfterIt(@TempDir Path infra) throws Exception {
        Files.writeString(infra.resolve("docker-compose.yml"), "services: {}\n");
        Path docker = fakeDocker(infra, """
                case "$*" in
                  "compose version --short") echo 2.39.1 ;;
                  "info --format {{.OperatingSystem}}") echo "Ubuntu 24.04.1 LTS" ;;
                  *" up "*) echo "Error response from daemon: driver failed programming external connectivity:"\
                " Bind for 127.0.0.1:9092 failed: port is already allocated" >&2; exit 1 ;;
                esac""");
        StringWriter printed = new StringWriter();
        Stack stack = new Stack(infra, docker.toString(), new PrintWriter(printed, true));

        long started = System.nanoTime();
        List<String> problems = stack.up(stack.files());

        assertThat(printed.toString())
                .contains("files docker-compose.yml + docker-compose.linux.yml")
                .contains("Grafana admin password (printed this once")
                .contains("up --detach --wait --remove-orphans")
                .contains("| Error response from daemon").contains("port is already allocated");
        assertThat(problems).containsExactly("docker compose up failed (exit code 1): its own messages are above");
        assertThat(System.nanoTime() - started).as("no waiting for UIs after compose failed").isLessThan(20_000_000_000L);
        assertThat(Files.readString(infra.resolve(".env")))
                .contains("COMPOSE_FILE=docker-compose.yml:docker-compose.linux.yml");
    }

    @Test
    void whyTheShopIsNotScrapedIsSaidExactly() {
        assertThat(StackProbe.explain(false, null, true)).startsWith("the shop isn't running")
                .contains("KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092").contains("./shop run");
        assertThat(StackProbe.explain(true, null, true)).contains("shop-scraper").contains("docker compose logs");
        assertThat(StackProbe.explain(true, new StackProbe.Target("down",
                "Get \"http://host.docker.internal:7070/metrics\": context deadline exceeded"), false))
                .contains("can't reach the shop").contains("firewall");
        assertThat(StackProbe.explain(true, new StackProbe.Target("down",
                "dial tcp: lookup host.docker.internal on 127.0.0.11:53: no such host"), false))
                .contains("./shop stack up").contains("docker-compose.linux.yml");
        assertThat(StackProbe.explain(true, new StackProbe.Target("down",
                "dial tcp 127.0.0.1:7070: connect: connection refused"), true))
                .contains("rootless Docker").contains("Podman");
        assertThat(StackProbe.explain(true, new StackProbe.Target("up", ""), true))
                .contains("do not reach Prometheus");
    }

    @Test
    void stackHasHelpForEachSubcommand() {
        assertThat(cli.run("stack", "--help")).isZero();
        assertThat(cli.out.toString()).contains("up").contains("down").contains("status");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void downKeepsTheVolumesUnlessAskedToForgetThem(@TempDir Path infra) throws Exception {
        Files.writeString(infra.resolve("docker-compose.yml"), "services: {}\n");
        Path calls = infra.resolve("calls");
        Path docker = fakeDocker(infra, """
                case "$*" in
                  "compose version --short") echo 2.39.1 ;;
                  "info --format {{.OperatingSystem}}") echo "Docker Desktop" ;;
                  *) echo "$*" >> '%s' ;;
                esac""".formatted(calls));
        Stack stack = new Stack(infra, docker.toString(), new PrintWriter(new StringWriter(), true));

        stack.down(stack.files(), false);
        stack.down(stack.files(), true);

        assertThat(Files.readAllLines(calls)).filteredOn(call -> call.contains(" down "))
                .containsExactly("compose -f docker-compose.yml down --remove-orphans",
                        "compose -f docker-compose.yml down --remove-orphans --volumes");
    }

    private static Path fakeDocker(Path dir, String body) throws Exception {
        Path script = dir.resolve("docker");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        script.toFile().setExecutable(true);
        return script;
    }
}
