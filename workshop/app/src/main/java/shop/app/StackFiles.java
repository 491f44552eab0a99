package shop.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compose files the stack in infra/ needs on this machine, and why. Docker Desktop (macOS, Windows, and
 * Docker Desktop for Linux) forwards host.docker.internal to this machine's loopback, so the base file is
 * enough. A Linux engine maps it to the docker0 address instead, where a shop on 127.0.0.1 is not: there the
 * Linux override adds a Prometheus agent that shares the host's network.
 */
record StackFiles(List<String> files, boolean hostNetwork, String why) {
    static final String BASE = "docker-compose.yml";
    static final String LINUX = "docker-compose.linux.yml";

    static StackFiles forPlatform(String osName, String dockerOperatingSystem) {
        boolean linux = osName.toLowerCase(Locale.ROOT).startsWith("linux");
        if (linux && !dockerOperatingSystem.contains("Docker Desktop")) {
            return new StackFiles(List.of(BASE, LINUX), true,
                    "a Linux engine: a Prometheus agent on the host network scrapes the shop on 127.0.0.1");
        }
        return new StackFiles(List.of(BASE), false,
                "Docker Desktop: containers reach the shop on 127.0.0.1 through host.docker.internal");
    }

    /** {@code -f a -f b}, for a compose command run in infra/. */
    List<String> composeArguments() {
        List<String> arguments = new ArrayList<>();
        files.forEach(file -> {
            arguments.add("-f");
            arguments.add(file);
        });
        return arguments;
    }

    /** COMPOSE_FILE for infra/.env, so a plain `docker compose ...` in infra/ uses the same files; null for the base file alone. */
    String composeFileVariable() {
        return files.size() == 1 ? null : String.join(":", files);
    }
}
