package shop.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabLayoutTest {
    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path DRIFTING = Path.of("src/test/resources/drifting").toAbsolutePath();

    @Test
    void everyStarterAndItsSolutionListTheSameFilesAndDifferOnlyInsideTodoRegions() {
        assertThat(LabLayout.labs(REPOSITORY)).as("labs found under " + REPOSITORY).hasSizeGreaterThan(10);

        assertThat(LabLayout.problems(REPOSITORY)).as("layout problems").isEmpty();
    }

    @Test
    void aFileThatDriftsOnPurposeIsReportedWithItsLabFileAndLine() {
        List<String> problems = LabLayout.problems(DRIFTING);

        assertThat(problems).containsExactlyInAnyOrder(
                "99-drift: java/drift/Drifting.java drifted outside the TODO regions: starter line 11 \"return \"starter\";\""
                        + " vs solution line 11 \"return \"solution\";\"",
                "99-drift: java/drift/OnlyInTheStarter.java is in labs/ but not in solutions/"
                        + " (a file the attendee does not write belongs in src/given)",
                "99-drift: java/drift/NoRegion.java has no TODO region: the attendee writes nothing there,"
                        + " so it belongs in src/given",
                "99-drift: java/drift/Unclosed.java line 4: TODO 1 has no \"// end TODO 1\"");
    }

    @Test
    void aRegionMayHoldAnythingButTheRestMustMatch() {
        List<String> starter = List.of("class A {", "    // TODO 2: say hello", "    throw todo();", "    // end TODO 2", "}");
        List<String> solution = List.of("class A {", "    // TODO 2: say hello", "    hello();", "    world();",
                "    // end TODO 2", "}");

        assertThat(TodoRegions.drift(starter, solution)).isEmpty();
        assertThat(TodoRegions.drift(starter, List.of("class A {", "}"))).hasValueSatisfying(
                drift -> assertThat(drift).isEqualTo("starter line 2 \"// TODO 2 ...\" vs solution line 2 \"}\""));
    }
}
