package shop.slides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The code on the slides is the code in the repository, character for character. */
class SlideExcerptsTest {
    private static final Path ROOT = Repo.root();
    private static final List<Deck> DECKS = Repo.decks(ROOT);

    @Test
    @DisplayName("both talks are decks in slides/")
    void bothTalksAreThere() {
        assertThat(DECKS).extracting(deck -> deck.file().getFileName().toString())
                .as("slides/*.md with 'marp: true' front matter")
                .contains("observability.md", "choreography-vs-orchestration.md");
    }

    @Test
    @DisplayName("slides are separated by --- only, so render.sh can count the pages to expect")
    void slidesAreSeparatedByDashesOnly() {
        assertThat(DECKS).allSatisfy(deck -> assertThat(deck.otherRules())
                .as("%s: lines that Marp also takes as slide breaks (***, ___, - - -); write --- after a blank line",
                        deck.file().getFileName())
                .isEmpty());
    }

    @TestFactory
    @DisplayName("each excerpt equals its source region")
    Stream<DynamicTest> eachExcerptEqualsItsRegion() {
        List<Fence> excerpts = DECKS.stream().flatMap(deck -> deck.fences().stream())
                .filter(fence -> fence.excerpt().isPresent()).toList();
        assertThat(excerpts).as("code excerpts on the slides").isNotEmpty();
        return excerpts.stream().map(fence -> dynamicTest(fence.where() + " " + fence.excerpt().orElseThrow(), () -> {
            String source = Region.read(ROOT, fence.excerpt().orElseThrow());
            assertThat(fence.body())
                    .as("%s shows %s; copy the region again (the slide must equal it, indentation aside)",
                            fence.where(), fence.excerpt().orElseThrow())
                    .isEqualTo(source);
        }));
    }

    @TestFactory
    @DisplayName("each excerpt names its source file under the code")
    Stream<DynamicTest> eachExcerptHasACaption() {
        return DECKS.stream().flatMap(deck -> deck.fences().stream())
                .filter(fence -> fence.excerpt().isPresent())
                .map(fence -> dynamicTest(fence.where(), () -> {
                    String path = fence.excerpt().orElseThrow().split("#")[0];
                    String fileName = Path.of(path).getFileName().toString();
                    assertThat(fence.caption())
                            .as("%s: the line after the code should name %s so the audience sees where it is from",
                                    fence.where(), fileName)
                            .contains(fileName);
                }));
    }

    @Test
    @DisplayName("slides/README.md's table of regions lists every region a slide shows")
    void theRegionsTableIsComplete() throws java.io.IOException {
        List<String> rows = java.nio.file.Files.readAllLines(ROOT.resolve("slides/README.md")).stream()
                .filter(line -> line.startsWith("| `")).toList();
        List<String> missing = DECKS.stream().flatMap(deck -> deck.fences().stream())
                .map(Fence::excerpt).flatMap(java.util.Optional::stream).distinct()
                .filter(excerpt -> {
                    String[] parts = excerpt.split("#", 2);
                    return rows.stream().noneMatch(row -> row.contains("`" + parts[1] + "`")
                            && row.contains("`" + parts[0] + "`"));
                })
                .toList();
        assertThat(missing).as("regions shown on slides but missing from the \"Regions in use today\" table of"
                + " slides/README.md (a row: | `REGION` | `PATH` |)").isEmpty();
    }

    @Test
    @DisplayName("no Java on a slide that is not an excerpt of compiled code")
    void everyJavaFenceIsAnExcerpt() {
        List<String> loose = DECKS.stream().flatMap(deck -> deck.fences().stream())
                .filter(fence -> fence.language().equals("java") && fence.excerpt().isEmpty())
                .map(Fence::where)
                .toList();
        assertThat(loose)
                .as("```java fences without excerpt=PATH#REGION (Java on a slide must come from the repository)")
                .isEmpty();
    }
}
