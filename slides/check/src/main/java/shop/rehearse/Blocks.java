package shop.rehearse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shell blocks of a Markdown file, in order, each with the marker right above it (blank lines between are fine). */
final class Blocks {

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*(\\S*).*$");

    private Blocks() {
    }

    static List<Block> of(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Block> blocks = new ArrayList<>();
        Optional<Marker> pending = Optional.empty();
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Optional<Marker> marker = markerAt(file, i + 1, line);
            if (marker.isPresent()) {
                pending = marker;
                pendingLine = i + 1;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                if (!line.isBlank() && pending.isPresent()) {
                    throw new IllegalArgumentException(file + ":" + pendingLine
                            + ": a rehearse marker must stand right above a ```bash block");
                }
                continue;
            }
            int close = closing(lines, i, fence.group(2));
            boolean shell = fence.group(3).equals("bash") || fence.group(3).equals("sh");
            if (shell) {
                blocks.add(new Block(file, i + 1, pending, body(lines, i + 1, close, fence.group(1))));
            } else if (pending.isPresent()) {
                throw new IllegalArgumentException(file + ":" + pendingLine
                        + ": a rehearse marker must stand right above a ```bash block, not ```" + fence.group(3));
            }
            pending = Optional.empty();
            i = close;
        }
        return blocks;
    }

    private static Optional<Marker> markerAt(Path file, int number, String line) {
        try {
            return Marker.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ":" + number + ": " + e.getMessage(), e);
        }
    }

    private static int closing(List<String> lines, int open, String fence) {
        for (int j = open + 1; j < lines.size(); j++) {
            String line = lines.get(j).trim();
            if (line.length() >= fence.length() && line.chars().allMatch(c -> c == fence.charAt(0))) {
                return j;
            }
        }
        return lines.size();
    }

    private static String body(List<String> lines, int from, int to, String indent) {
        StringBuilder code = new StringBuilder();
        for (String line : lines.subList(from, Math.min(to, lines.size()))) {
            code.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading()).append('\n');
        }
        return code.toString();
    }
}
