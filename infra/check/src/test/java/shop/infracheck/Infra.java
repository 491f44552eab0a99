package shop.infracheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The files under infra/, read as the containers will read them. */
final class Infra {
    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Infra() {}

    static Path dir() {
        return Path.of(System.getProperty("infra.dir", "..")).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }

    static JsonNode yaml(String relative) {
        return read(YAML, file(relative));
    }

    static JsonNode json(Path path) {
        return read(JSON, path);
    }

    /** Files in an infra/ folder whose names end with the suffix, sorted. */
    static List<Path> files(String folder, String suffix) {
        try (Stream<Path> paths = Files.list(file(folder))) {
            return paths.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path path) {
        try {
            return mapper.readTree(path.toFile());
        } catch (IOException e) {
            throw new AssertionError(dir().relativize(path) + " does not parse: " + e.getMessage(), e);
        }
    }
}
