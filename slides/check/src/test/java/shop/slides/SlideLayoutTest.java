package shop.slides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every slide can be read from the back of the room: rendered as the instructor renders it and laid out by
 * headless Chromium at 1280x720, nothing sticks out of the slide, and code and diagram text are shown at
 * 20 px or more (after any scaling: a diagram shrunk to fit its box, Marp's auto-scaling of wide code).
 */
class SlideLayoutTest {
    /** The smallest code or diagram text a 1280x720 slide may show. */
    static final double SMALLEST_PX = 20;

    private static final Path ROOT = Repo.root();

    @TestFactory
    @DisplayName("every slide fits at 1280x720, and its code and diagrams are set at 20 px or more")
    Stream<DynamicTest> everySlideFitsAndCanBeRead() {
        Optional<String> missing = RenderedDecks.missingTools(ROOT);
        if (missing.isPresent()) {
            if (RenderedDecks.inCi()) {
                throw new AssertionError(missing.get());
            }
            String why = missing.get() + "; the slide layout checks are skipped outside CI";
            return Stream.of(dynamicTest("skipped: " + why, () -> Assumptions.abort(why)));
        }
        List<SlideLayout> slides = RenderedDecks.measure(ROOT);
        System.out.println(summary(slides));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("the browser saw every slide of every deck", () -> {
            for (Deck deck : Repo.decks(ROOT)) {
                String name = deck.file().getFileName().toString();
                assertThat(slides.stream().filter(slide -> slide.deck().equals(name)).count())
                        .as("%s: slides measured in the browser vs. slides in the Markdown", name)
                        .isEqualTo(deck.slideCount());
            }
        }));
        slides.forEach(slide -> tests.add(dynamicTest(slide.where(), () -> {
            List<String> problems = problems(slide);
            if (!problems.isEmpty()) {
                fail(slide.where() + " at 1280x720 (see it: bash slides/render.sh, open slides/dist/"
                        + slide.deck().replace(".md", ".html") + "#" + slide.number() + "):\n  - "
                        + String.join("\n  - ", problems));
            }
        })));
        return tests.stream();
    }

    /** What is wrong with one slide, in words an author can act on; empty when it is fine. */
    static List<String> problems(SlideLayout slide) {
        List<String> problems = new ArrayList<>();
        for (SlideLayout.Overflow overflow : slide.overflows()) {
            problems.add(String.format(Locale.ROOT, "content sticks out of the slide by %.0f px (%s): split the slide"
                    + " or shorten it", overflow.px(), overflow.what()));
        }
        slide.smallestCode().filter(code -> code.px() < SMALLEST_PX).ifPresent(code -> problems.add(String.format(
                Locale.ROOT, "code is shown at %.1f px, below %.0f px (\"%s\"): shorten or split the code, or raise the"
                        + " deck's pre font-size", code.px(), SMALLEST_PX, code.text())));
        slide.smallestDiagramText().filter(text -> text.px() < SMALLEST_PX).ifPresent(text -> problems.add(
                String.format(Locale.ROOT, "diagram text is shown at %.1f px, below %.0f px (\"%s\"): fewer nodes"
                        + " per row, shorter labels, or more room for the diagram", text.px(), SMALLEST_PX, text.text())));
        return problems;
    }

    private static String summary(List<SlideLayout> slides) {
        long decks = slides.stream().map(SlideLayout::deck).distinct().count();
        return String.format(Locale.ROOT, "slide layout: %d slides in %d decks at 1280x720; smallest code %s;"
                        + " smallest diagram text %s", slides.size(), decks,
                smallest(slides, SlideLayout::smallestCode), smallest(slides, SlideLayout::smallestDiagramText));
    }

    private static String smallest(List<SlideLayout> slides,
                                   java.util.function.Function<SlideLayout, Optional<SlideLayout.Text>> text) {
        return slides.stream()
                .filter(slide -> text.apply(slide).isPresent())
                .min(Comparator.comparingDouble(slide -> text.apply(slide).orElseThrow().px()))
                .map(slide -> String.format(Locale.ROOT, "%.1f px (%s)", text.apply(slide).orElseThrow().px(),
                        slide.where()))
                .orElse("none");
    }
}
