package shop.slides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a deck is read: slides counted as Marp counts them, fences with their excerpt and caption. */
class DeckTest {
    @TempDir
    Path root;

    private static final List<String> SOURCE = List.of(
            "class A {",
            "    void a() {",
            "        // tag::inner[]",
            "        call();",
            "        // end::inner[]",
            "    }",
            "}");

    @Test
    void anEditedExcerptNoLongerMatches() throws IOException {
        Files.writeString(root.resolve("A.java"), String.join("\n", SOURCE));
        Path deck = root.resolve("deck.md");
        Files.writeString(deck, String.join("\n",
                "---", "marp: true", "---", "", "# One", "", "---", "", "# Two",
                "```java excerpt=A.java#inner", "call2();", "```", "A.java", ""));
        Fence fence = Deck.read(deck).fences().get(0);

        assertThat(fence.slide()).isEqualTo(2);
        assertThat(fence.excerpt()).contains("A.java#inner");
        assertThat(fence.caption()).isEqualTo("A.java");
        assertThat(fence.body()).isNotEqualTo(Region.read(root, fence.excerpt().orElseThrow()));
    }

    @Test
    void slidesAreCountedAsMarpCountsThem() throws IOException {
        Path deck = root.resolve("deck.md");
        Files.writeString(deck, String.join("\n",
                "---", "marp: true", "---", "", "# One", "", "---", "", "Setext heading, not a slide break",
                "---", "", "```yaml", "---", "```", "", "---", "", "# Three", ""));
        assertThat(Deck.read(deck).slideCount()).isEqualTo(3);
        assertThat(Deck.read(deck).otherRules()).isEmpty();
    }

    @Test
    void eachSlideHasItsFirstHeadingAsTitle() throws IOException {
        Path deck = root.resolve("deck.md");
        Files.writeString(deck, String.join("\n",
                "---", "marp: true", "---", "", "<!-- _class: lead -->", "", "# One", "", "## not the title", "",
                "---", "", "```bash", "# a comment, not a title", "```", "## Two", "", "---", "", "no heading", ""));
        assertThat(Deck.read(deck).titles()).containsExactly("One", "Two", "");
    }

    @Test
    void otherHorizontalRulesAreFound() throws IOException {
        Path deck = root.resolve("deck.md");
        Files.writeString(deck, String.join("\n", "---", "marp: true", "---", "", "# One", "", "***", "", "# Two", ""));
        assertThat(Deck.read(deck).otherRules()).containsExactly(7);
    }
}
