package shop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * infra/.env, which compose reads for every command run on infra/'s files: the Grafana admin password (made once,
 * never overwritten) and COMPOSE_FILE. Git ignores it. Lines it does not own are kept as they are.
 */
final class StackEnv {
    static final String PASSWORD = "GRAFANA_ADMIN_PASSWORD";
    static final String COMPOSE_FILE = "COMPOSE_FILE";

    private final Path file;
    private final List<String> lines = new ArrayList<>();

    StackEnv(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            lines.addAll(Files.readAllLines(file));
        }
    }

    Optional<String> get(String key) {
        return lines.stream().filter(line -> line.startsWith(key + "=")).findFirst()
                .map(line -> line.substring(key.length() + 1));
    }

    /** @return the password it had to make (print it once), or empty when one was there already */
    Optional<String> ensurePassword() throws IOException {
        if (get(PASSWORD).filter(value -> !value.isBlank()).isPresent()) {
            return Optional.empty();
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random); // no $: compose would interpolate it
        set(PASSWORD, password);
        return Optional.of(password);
    }

    /** Sets, replaces or (value null) removes {@code key=value}, and writes the file readable by its owner only. */
    void set(String key, String value) throws IOException {
        lines.removeIf(line -> line.startsWith(key + "="));
        if (value != null) {
            lines.add(key + "=" + value);
        }
        if (lines.stream().noneMatch(line -> line.startsWith("#"))) {
            lines.add(0, "# Written by ./shop stack up; git ignores it. Delete it for a new Grafana password.");
        }
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException windows) {
            // not a POSIX file system: the user's profile folder protects it
        }
        Files.write(file, lines);
    }
}
