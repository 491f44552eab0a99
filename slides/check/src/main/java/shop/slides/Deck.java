package shop.slides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Marp deck read the way Marp reads it: optional front matter between two {@code ---} lines at the top,
 * then slides separated by a {@code ---} line that follows a blank line (without the blank line, Markdown
 * makes the line above a heading), never inside a code fence.
 */
public record Deck(Path file, List<String> lines) {

    public static Deck read(Path file) {
        try {
            return new Deck(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int slideCount() {
        int slides = 1;
        String fence = null;
        for (int i = bodyStart(); i < lines.size(); i++) {
            String line = lines.get(i);
            if (fence == null && isFenceOpening(line)) {
                fence = fenceMarker(line);
            } else if (fence != null && line.trim().equals(fence)) {
                fence = null;
            } else if (fence == null && line.equals("---") && i > bodyStart() && lines.get(i - 1).isBlank()) {
                slides++;
            }
        }
        return slides;
    }

    public List<Fence> fences() {
        List<Fence> fences = new ArrayList<>();
        int slide = 1;
        for (int i = bodyStart(); i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("---") && i > bodyStart() && lines.get(i - 1).isBlank()) {
                slide++;
            } else if (isFenceOpening(line)) {
                String marker = fenceMarker(line);
                String info = line.trim().substring(marker.length()).trim();
                int close = i + 1;
                while (close < lines.size() && !lines.get(close).trim().equals(marker)) {
                    close++;
                }
                if (close == lines.size()) {
                    throw new IllegalStateException(file.getFileName() + ":" + (i + 1) + ": code fence never closed");
                }
                String body = String.join("\n", lines.subList(i + 1, close).stream().map(Deck::stripEnd).toList());
                String caption = lines.subList(close + 1, lines.size()).stream()
                        .filter(next -> !next.isBlank()).findFirst().orElse("");
                fences.add(new Fence(file, i + 1, slide, info, body, caption));
                i = close;
            }
        }
        return fences;
    }

    /** Each slide's title: its first Markdown heading outside code fences, without the #s ("" if none). */
    public List<String> titles() {
        List<String> titles = new ArrayList<>();
        titles.add("");
        String fence = null;
        for (int i = bodyStart(); i < lines.size(); i++) {
            String line = lines.get(i);
            if (fence == null && isFenceOpening(line)) {
                fence = fenceMarker(line);
            } else if (fence != null && line.trim().equals(fence)) {
                fence = null;
            } else if (fence == null && line.equals("---") && i > bodyStart() && lines.get(i - 1).isBlank()) {
                titles.add("");
            } else if (fence == null && line.startsWith("#") && titles.get(titles.size() - 1).isEmpty()) {
                titles.set(titles.size() - 1, line.replaceFirst("^#+\\s*", "").trim());
            }
        }
        return titles;
    }

    /** Lines outside code fences that Marp would also take as a slide break ({@code ***}, {@code ___}). */
    public List<Integer> otherRules() {
        List<Integer> rules = new ArrayList<>();
        String fence = null;
        for (int i = bodyStart(); i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (fence == null && isFenceOpening(line)) {
                fence = fenceMarker(line);
            } else if (fence != null && line.equals(fence)) {
                fence = null;
            } else if (fence == null && line.matches("(\\*\\s*){3,}|(_\\s*){3,}|(-\\s*){3,}") && !line.equals("---")) {
                rules.add(i + 1);
            }
        }
        return rules;
    }

    private int bodyStart() {
        if (lines.isEmpty() || !lines.get(0).equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).equals("---")) {
                return i + 1;
            }
        }
        throw new IllegalStateException(file.getFileName() + ": front matter never closed");
    }

    private static boolean isFenceOpening(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("```") || trimmed.startsWith("~~~");
    }

    private static String fenceMarker(String line) {
        String trimmed = line.trim();
        char c = trimmed.charAt(0);
        int n = 0;
        while (n < trimmed.length() && trimmed.charAt(n) == c) {
            n++;
        }
        return trimmed.substring(0, n);
    }

    static String stripEnd(String line) {
        return line.stripTrailing();
    }
}
