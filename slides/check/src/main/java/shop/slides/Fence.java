package shop.slides;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * One fenced code block of a deck.
 *
 * @param deck    the deck file
 * @param line    1-based line of the opening fence
 * @param slide   1-based slide number, as Marp counts them
 * @param info    the fence's info string: language first, then attributes such as {@code excerpt=PATH#REGION}
 * @param body    the code between the fences, lines joined with \n
 * @param caption the first non-blank line after the closing fence ("" if none)
 */
public record Fence(Path deck, int line, int slide, String info, String body, String caption) {

    public String language() {
        return info.isBlank() ? "" : info.trim().split("\\s+")[0];
    }

    /** The {@code excerpt=PATH#REGION} attribute, if the fence has one. */
    public Optional<String> excerpt() {
        return Arrays.stream(info.trim().split("\\s+"))
                .filter(word -> word.startsWith("excerpt="))
                .map(word -> word.substring("excerpt=".length()))
                .findFirst();
    }

    /** Where to look, for messages: "observability.md:42 (slide 7)". */
    public String where() {
        return deck.getFileName() + ":" + line + " (slide " + slide + ")";
    }
}
