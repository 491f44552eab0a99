package shop.slides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository and its decks are, seen from the slides/check module (Maven runs tests there). */
public final class Repo {
    private Repo() {}

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("slides")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (mvnw and slides/) above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every deck: the Markdown files directly in slides/ that start with Marp front matter. */
    public static List<Deck> decks(Path root) {
        try (Stream<Path> files = Files.list(root.resolve("slides"))) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .sorted()
                    .map(Deck::read)
                    .filter(deck -> deck.lines().size() > 1 && deck.lines().get(0).equals("---")
                            && deck.lines().contains("marp: true"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
