package shop.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.slides.Repo;

/** The guides' markers can be read, without running anything: a typo fails here, before CI's rehearsal. */
class GuideMarkersTest {

    @Test
    void everyBlockOfTheInstructorGuideIsRehearsedOrSaysWhyNot() throws Exception {
        List<Block> blocks = Blocks.of(Repo.root().resolve("slides/INSTRUCTOR.md"));
        assertThat(blocks).as("shell blocks of INSTRUCTOR.md").hasSizeGreaterThan(20);
        assertThat(blocks).filteredOn(block -> block.marker().isEmpty()).extracting(Block::where)
                .as("blocks of INSTRUCTOR.md without a <!-- rehearse: ... --> marker").isEmpty();
        assertThat(blocks).filteredOn(block -> block.marker().orElseThrow().skip().isEmpty())
                .as("rehearsed blocks").hasSizeGreaterThan(blocks.size() / 2);
    }

    @Test
    void theMarkedLabReadmesCanBeRead() throws Exception {
        for (String lab : List.of("labs/00-setup", "labs/01-metrics", "labs/02-kafka-events", "labs/03-kafka-handlers",
                "labs/04-kafka-failures", "labs/05-kafka-observability", "labs/06-temporal-workflow",
                "labs/07-temporal-saga", "labs/08-temporal-signals-queries", "labs/09-temporal-observability",
                "labs/10-head-to-head", "labs/11-travel-booking")) {
            List<Block> blocks = Blocks.of(Repo.root().resolve(Path.of(lab, "README.md")));
            assertThat(blocks).filteredOn(block -> block.marker().isPresent()).as(lab + " marked blocks").isNotEmpty();
        }
    }
}
