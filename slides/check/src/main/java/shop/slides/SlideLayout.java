package shop.slides;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a projector shows: every slide of the rendered decks, as {@code slides/layout.mjs} measured it in headless
 * Chromium at 1280x720. That script prints one tab-separated line per finding; this class reads them:
 * <pre>
 *   slide     DECK N TITLE
 *   overflow  DECK N PX WHAT     content sticking out of the slide's content box by PX
 *   code      DECK N PX TEXT     the smallest code text on the slide, as shown
 *   diagram   DECK N PX TEXT     the smallest diagram text on the slide, as shown
 * </pre>
 * Sizes are pixels of a 1280x720 slide, after any scaling on the way (a diagram drawn to fit its box, Marp's
 * auto-scaling of wide code).
 */
public record SlideLayout(String deck, int number, String title, List<Overflow> overflows,
                          Optional<Text> smallestCode, Optional<Text> smallestDiagramText) {

    /** Content outside the slide's content box (inside the padding, or off the slide). */
    public record Overflow(double px, String what) {}

    /** A piece of text and the size it is shown at. */
    public record Text(double px, String text) {}

    /** "labs.md slide 13 (10 · Head to head)" */
    public String where() {
        return deck + " slide " + number + (title.isBlank() ? "" : " (" + title + ")");
    }

    /** The slides in the order the script printed them. */
    public static List<SlideLayout> parse(List<String> lines) {
        Map<String, Builder> slides = new LinkedHashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                continue; // not a finding (a warning of the browser, say)
            }
            String key = f[1] + "#" + f[2];
            switch (f[0]) {
                case "slide" -> slides.put(key, new Builder(f[1], Integer.parseInt(f[2]), f[3]));
                case "overflow" -> slide(slides, key, line).overflows.add(new Overflow(Double.parseDouble(f[3]), text(f)));
                case "code" -> slide(slides, key, line).code = new Text(Double.parseDouble(f[3]), text(f));
                case "diagram" -> slide(slides, key, line).diagram = new Text(Double.parseDouble(f[3]), text(f));
                default -> { }
            }
        }
        return slides.values().stream().map(Builder::build).toList();
    }

    private static String text(String[] fields) {
        return fields.length > 4 ? fields[4] : "";
    }

    private static Builder slide(Map<String, Builder> slides, String key, String line) {
        Builder slide = slides.get(key);
        if (slide == null) {
            throw new IllegalArgumentException("a finding before its slide line: " + line);
        }
        return slide;
    }

    private static final class Builder {
        final String deck;
        final int number;
        final String title;
        final List<Overflow> overflows = new ArrayList<>();
        Text code;
        Text diagram;

        Builder(String deck, int number, String title) {
            this.deck = deck;
            this.number = number;
            this.title = title;
        }

        SlideLayout build() {
            return new SlideLayout(deck, number, title, List.copyOf(overflows), Optional.ofNullable(code),
                    Optional.ofNullable(diagram));
        }
    }
}
