package shop.slides;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How layout.mjs's findings are read, and how a bad slide is reported (no browser needed). */
class SlideLayoutParseTest {

    @Test
    void findingsAreGroupedBySlide() {
        List<SlideLayout> slides = SlideLayout.parse(List.of(
                "slide\tlabs.md\t1\tThe labs",
                "slide\tlabs.md\t2\t",
                "overflow\tlabs.md\t2\t43.9\tul: Goal: compensation",
                "code\tlabs.md\t2\t17.0\tCounter.builder(ORDERS_PLACED)",
                "diagram\tlabs.md\t2\t11.4\tOrderPlaced",
                "a warning from the browser"));

        assertThat(slides).hasSize(2);
        assertThat(slides.get(0).where()).isEqualTo("labs.md slide 1 (The labs)");
        assertThat(slides.get(0).overflows()).isEmpty();
        assertThat(slides.get(0).smallestCode()).isEmpty();
        SlideLayout second = slides.get(1);
        assertThat(second.where()).isEqualTo("labs.md slide 2");
        assertThat(second.overflows()).containsExactly(new SlideLayout.Overflow(43.9, "ul: Goal: compensation"));
        assertThat(second.smallestCode()).contains(new SlideLayout.Text(17.0, "Counter.builder(ORDERS_PLACED)"));
        assertThat(second.smallestDiagramText()).contains(new SlideLayout.Text(11.4, "OrderPlaced"));
    }

    @Test
    void aBadSlideIsReportedWithWhatToDo() {
        SlideLayout slide = SlideLayout.parse(List.of(
                "slide\tlabs.md\t13\t10 · Head to head",
                "overflow\tlabs.md\t13\t128.5\tul: Goal: load and faults",
                "code\tlabs.md\t13\t20.0\tok",
                "diagram\tlabs.md\t13\t19.7\tload + faults")).get(0);

        assertThat(SlideLayoutTest.problems(slide)).containsExactly(
                "content sticks out of the slide by 129 px (ul: Goal: load and faults): split the slide or shorten it",
                "diagram text is shown at 19.7 px, below 20 px (\"load + faults\"): fewer nodes per row, shorter"
                        + " labels, or more room for the diagram");
    }
}
