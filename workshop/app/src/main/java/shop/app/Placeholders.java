package shop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A starter's placeholder still in the attendee's code: {@code throw new Todo(3, ...)} or {@code Todo.value(3, ...)}. */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("^(?!\\s*//).*\\b(?:new Todo|Todo\\.value)\\(\\s*(\\d+)");

    private Placeholders() {}

    /** @return e.g. "TODO 3 is still a placeholder (labs/02-kafka-events/src/main/java/.../EventTopics.java:35)", or null */
    static String firstIn(Path sources, Path root) throws IOException {
        if (!Files.isDirectory(sources)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher placeholder = PLACEHOLDER.matcher(lines.get(i));
                    if (placeholder.find()) {
                        return "TODO " + placeholder.group(1) + " is still a placeholder ("
                                + root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ")";
                    }
                }
            }
        }
        return null;
    }
}
