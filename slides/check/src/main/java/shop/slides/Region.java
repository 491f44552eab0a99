package shop.slides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named region of a source file, between two marker comment lines (the AsciiDoc include-tag convention):
 * <pre>
 *   // tag::placed[]
 *   ...the lines a slide shows...
 *   // end::placed[]
 * </pre>
 * {@code #} and {@code <!--} work too, for YAML, properties and XML. Marker lines of any region are left out
 * of every excerpt, so regions may overlap or nest. So are the lines that mark a lab's TODO region (the
 * {@code // TODO 3: ...} line with the {@code //} comment lines right under it, and {@code // end TODO 3}):
 * a slide shows the answer, not the exercise. The text is returned without its common indentation and
 * trailing spaces, which is how a slide shows it.
 */
public final class Region {
    private static final Pattern MARKER =
            Pattern.compile("^\\s*(?://|#|<!--)\\s*(tag|end)::([A-Za-z0-9_.-]+)\\[\\]\\s*(?:-->)?\\s*$");
    private static final Pattern TODO_START = Pattern.compile("^\\s*// TODO \\d+\\b.*");
    private static final Pattern TODO_END = Pattern.compile("^\\s*// end TODO \\d+\\s*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//.*");

    private Region() {}

    /** @param reference {@code PATH#REGION}, PATH relative to the repository root */
    public static String read(Path repoRoot, String reference) {
        int hash = reference.indexOf('#');
        if (hash < 0) {
            throw new RegionProblem("\"" + reference + "\" names no region: write PATH#REGION");
        }
        String path = reference.substring(0, hash);
        String name = reference.substring(hash + 1);
        Path file = repoRoot.resolve(path).normalize();
        if (!file.startsWith(repoRoot) || !Files.isRegularFile(file)) {
            throw new RegionProblem("no file " + path + " in the repository");
        }
        return extract(read(file), name, path);
    }

    static String extract(List<String> lines, String name, String path) {
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (marker.matches() && marker.group(2).equals(name)) {
                if (marker.group(1).equals("tag")) {
                    if (start >= 0) {
                        throw new RegionProblem(path + " opens region \"" + name + "\" twice (line " + (i + 1) + ")");
                    }
                    start = i;
                } else if (start >= 0 && end < 0) {
                    end = i;
                }
            }
        }
        if (start < 0) {
            throw new RegionProblem(path + " has no region \"" + name + "\": add the line // tag::" + name
                    + "[] before it and // end::" + name + "[] after it");
        }
        if (end < 0) {
            throw new RegionProblem(path + " opens region \"" + name + "\" on line " + (start + 1)
                    + " but never closes it with end::" + name + "[]");
        }
        List<String> body = new ArrayList<>();
        boolean inTodoComment = false;
        for (String line : lines.subList(start + 1, end)) {
            if (MARKER.matcher(line).matches()) {
                continue;
            }
            inTodoComment = TODO_START.matcher(line).matches()
                    || inTodoComment && COMMENT.matcher(line).matches() && !TODO_END.matcher(line).matches();
            if (!inTodoComment && !TODO_END.matcher(line).matches()) {
                body.add(line.stripTrailing());
            }
        }
        return dedent(body);
    }

    static String dedent(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min().orElse(0);
        return String.join("\n", lines.stream()
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .toList());
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file or region a slide names is missing or malformed. */
    public static final class RegionProblem extends RuntimeException {
        RegionProblem(String message) {
            super(message);
        }
    }
}
