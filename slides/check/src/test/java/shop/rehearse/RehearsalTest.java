package shop.rehearse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rehearsal runs real bash, in a scratch folder, and fails where a guide has drifted. */
class RehearsalTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void aBlockPassesWhenItsOutputHoldsEveryFragment() throws Exception {
        guide("""
                <!-- rehearse: expect="hello" expect='"status":"UP"' -->
                ```bash
                echo hello
                echo '{"status":"UP"}'
                ```
                """);
        assertThat(rehearse(false)).isZero();
        assertThat(report()).contains("ok ", "guide.md:2  echo hello", "1 blocks passed, 0 failed");
    }

    @Test
    void aWrongFragmentFailsAndNamesTheBlockAndTheFragment() throws Exception {
        guide("""
                Some prose.

                <!-- rehearse: expect="Shop ready" -->
                ```bash
                echo "Shop is starting"
                ```
                """);
        assertThat(rehearse(false)).isEqualTo(1);
        assertThat(report()).contains("FAIL", "guide.md:4", "output lacks 'Shop ready'", "Shop is starting");
    }

    @Test
    void aFailingCommandFailsTheBlockEvenInAPipeline() throws Exception {
        guide("""
                <!-- rehearse: -->
                ```bash
                echo 'shop_orders_placed_total 1.0' | grep '^shop_orders_completed'
                echo never
                ```
                """);
        assertThat(rehearse(false)).isEqualTo(1);
        assertThat(report()).contains("exit code 1");
    }

    @Test
    void aBlockThatOverrunsItsTimeoutIsStoppedAndFails() throws Exception {
        guide("""
                <!-- rehearse: timeout=1 -->
                ```bash
                sleep 30
                ```
                """);
        long start = System.nanoTime();
        assertThat(rehearse(false)).isEqualTo(1);
        assertThat(report()).contains("timed out after 1 s");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(25);
    }

    @Test
    void aRetriedBlockRunsAgainUntilItPasses() throws Exception {
        guide("""
                <!-- rehearse: retry expect="COMPLETED" timeout=30 -->
                ```bash
                echo x >> attempts; [ $(wc -l < attempts) -ge 3 ] && echo COMPLETED || echo PENDING
                ```
                """);
        assertThat(rehearse(false)).isZero();
        assertThat(Files.readAllLines(root.resolve("attempts"))).hasSize(3);
    }

    @Test
    void aServerRunsInTheBackgroundForTheBlocksAfterItAndIsStoppedAtTheEnd() throws Exception {
        guide("""
                1. The server:

                   <!-- rehearse: serve expect="ready" timeout=20 -->
                   ```bash
                   echo $$ > server.pid
                   (sleep 1; echo ready; echo up > state) &
                   exec sleep 300
                   ```

                2. Then:

                   <!-- rehearse: expect="up" -->
                   ```bash
                   cat state
                   ```

                3. Ctrl-C the server, and:

                   <!-- rehearse: stop expect="stopped" -->
                   ```bash
                   kill -0 $(cat server.pid) 2>/dev/null || echo stopped
                   ```
                """);
        assertThat(rehearse(false)).as(report()).isZero();
    }

    @Test
    void aCheckMarkedStarterFailsMustFailOnTheStarterAndPassOnTheSolution() throws Exception {
        lab("labs", "TODO 1: charge the order");
        lab("solutions", "done");
        guide("""
                <!-- rehearse: starter-fails="TODO 1" expect="done" -->
                ```bash
                cat labs/01-lab/state; grep -q done labs/01-lab/state
                ```
                """);
        assertThat(rehearse(false)).isZero();
    }

    @Test
    void aStarterThatPassesFailsTheRehearsal() throws Exception {
        lab("labs", "done");
        lab("solutions", "done");
        guide("""
                <!-- rehearse: starter-fails="TODO 1" -->
                ```bash
                grep -q done labs/01-lab/state
                ```
                """);
        assertThat(rehearse(false)).isEqualTo(1);
        assertThat(report()).contains("passed on the starter, where it must fail");
    }

    @Test
    void everyBlockMustBeMarkedWhenAsked() throws Exception {
        guide("""
                <!-- rehearse: no="needs Docker" -->
                ```bash
                docker compose up
                ```

                ```bash
                echo forgotten
                ```
                """);
        assertThat(rehearse(false)).isZero();
        assertThat(rehearse(true)).isEqualTo(1);
        assertThat(report()).contains("skip", "(needs Docker)", "guide.md:6  echo forgotten", "no rehearse marker");
    }

    @Test
    void aMarkerItCannotReadStopsEverythingAndSaysWhere() throws Exception {
        guide("""
                <!-- rehearse: expct="typo" -->
                ```bash
                echo hi
                ```
                """);
        assertThatThrownBy(() -> rehearse(false)).hasMessageContaining("guide.md:1: unknown attribute 'expct'");
        guide("""
                <!-- rehearse: expect="x" -->
                ```text
                echo hi
                ```
                """);
        assertThatThrownBy(() -> rehearse(false)).hasMessageContaining("right above a ```bash block");
    }

    @Test
    void solutionsReplaceLabsInPathsOnly() {
        assertThat(Rehearsal.onSolutions("./mvnw test -pl labs/02-kafka-events && cat ../labs/x mylabs/03-y"))
                .isEqualTo("./mvnw test -pl solutions/02-kafka-events && cat ../labs/x mylabs/03-y");
    }

    @Test
    void onTheSolutionsAShopThatInsistsOnTheAttendeesCodeRunsTheSolutions() {
        assertThat(Rehearsal.onSolutions("./shop run --mine=04 --impl choreography; ./shop run --mine=01,02,03"))
                .isEqualTo("./shop run --mine --impl choreography; ./shop run --mine");
    }

    private void guide(String markdown) throws IOException {
        Files.writeString(root.resolve("guide.md"), markdown);
    }

    private void lab(String folder, String state) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder).resolve("01-lab"));
        Files.writeString(dir.resolve("state"), state + "\n");
    }

    private int rehearse(boolean everyBlock) throws Exception {
        return new Rehearsal(root, everyBlock, new PrintStream(printed, true, StandardCharsets.UTF_8))
                .rehearse(List.of(Path.of("guide.md")));
    }

    private String report() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
