package shop.slides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The times in the instructor guide add up: every lab states its time in its README, the labs deck and the
 * agendas give it that time, every agenda keeps 10% of its time as buffer, every lab is in the room or in the
 * homework, and the slide ranges the agendas quote are the deck's.
 */
class AgendaTest {
    private static final Path ROOT = Repo.root();
    private static final Path GUIDE = ROOT.resolve("slides/INSTRUCTOR.md");
    private static final Pattern ABOUT = Pattern.compile("About (\\d+) minutes\\.");
    private static final Pattern DECK_TITLE = Pattern.compile("^(\\d{2}) · .*\\((\\d+) min");
    private static final Pattern SLIDES = Pattern.compile("slides (\\d+)-(\\d+) \\(\"(.+?)\" to \"(.+?)\"\\)");
    /** The share of an agenda kept as buffer. */
    static final double SLACK = 0.10;

    /** Lab number to its README's time in minutes, for every labs/NN-name. */
    static Map<Integer, Integer> labMinutes() {
        Map<Integer, Integer> minutes = new TreeMap<>();
        try (Stream<Path> labs = Files.list(ROOT.resolve("labs"))) {
            for (Path lab : labs.filter(dir -> dir.getFileName().toString().matches("\\d{2}-.+")).sorted().toList()) {
                String readme = Files.readString(lab.resolve("README.md"));
                int firstSection = readme.indexOf("\n## ");
                Matcher about = ABOUT.matcher(firstSection < 0 ? readme : readme.substring(0, firstSection));
                minutes.put(Integer.parseInt(lab.getFileName().toString().substring(0, 2)),
                        about.find() ? Integer.parseInt(about.group(1)) : -1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return minutes;
    }

    @Test
    @DisplayName("every lab's README says how long it takes, before its first section")
    void everyLabStatesItsTime() {
        Map<Integer, Integer> minutes = labMinutes();
        assertThat(minutes).as("labs/NN-name folders").isNotEmpty();
        minutes.forEach((lab, time) -> assertThat(time)
                .as("labs/%02d-*/README.md: the intro (\"You will: ...\") ends with \"About N minutes.\", N from 20 to 45", lab)
                .isBetween(20, 45));
    }

    @Test
    @DisplayName("the labs deck shows each lab's time in its title, as the README says")
    void theLabsDeckShowsEachLabsTime() {
        Map<Integer, Integer> shown = new TreeMap<>();
        for (String title : Deck.read(ROOT.resolve("slides/labs.md")).titles()) {
            Matcher lab = DECK_TITLE.matcher(title);
            if (lab.find()) {
                shown.put(Integer.parseInt(lab.group(1)), Integer.parseInt(lab.group(2)));
            }
        }
        assertThat(shown).as("labs.md: titles \"NN · Name (N min)\"").isEqualTo(labMinutes());
    }

    @TestFactory
    @DisplayName("each agenda adds up, keeps 10% buffer, gives each lab its time, and puts every lab somewhere")
    Stream<DynamicTest> eachAgendaAddsUp() {
        List<Agenda> agendas = Agenda.read(GUIDE);
        assertThat(agendas).as("### agendas with a Start | Min | What | Material table under ## Agendas in %s", GUIDE)
                .hasSizeGreaterThanOrEqualTo(2);
        Map<Integer, Integer> labs = labMinutes();
        return agendas.stream().map(agenda -> dynamicTest(agenda.title(), () -> {
            List<Agenda.Row> rows = agenda.rows();
            assertThat(rows).as("%s: rows", agenda.title()).hasSizeGreaterThan(2);
            assertThat(rows.get(rows.size() - 1).isEnd()).as("%s: the last row is \"End\" with the end time",
                    agenda.title()).isTrue();
            for (int i = 1; i < rows.size(); i++) {
                Agenda.Row before = rows.get(i - 1);
                Agenda.Row row = rows.get(i);
                assertThat(row.start()).as("INSTRUCTOR.md:%d (%s): starts at %s + %d min", row.line(), row.what(),
                        before.startText(), before.minutes()).isEqualTo(before.start() + before.minutes());
            }
            int total = rows.get(rows.size() - 1).start() - rows.get(0).start();
            int buffer = rows.stream().filter(Agenda.Row::isBuffer).mapToInt(Agenda.Row::minutes).sum();
            assertThat(buffer).as("%s: minutes of \"Buffer\" rows, of %d in all (at least %.0f%%)", agenda.title(),
                    total, SLACK * 100).isGreaterThanOrEqualTo((int) Math.ceil(total * SLACK));

            TreeSet<Integer> inTheRoom = new TreeSet<>();
            for (Agenda.Row row : rows) {
                if (row.lab() >= 0) {
                    inTheRoom.add(row.lab());
                    assertThat(row.minutes()).as("INSTRUCTOR.md:%d: lab %02d gets the %d minutes its README gives",
                            row.line(), row.lab(), labs.get(row.lab())).isGreaterThanOrEqualTo(labs.get(row.lab()));
                }
            }
            TreeSet<Integer> homework = new TreeSet<>(agenda.homeworkLabs());
            TreeSet<Integer> everywhere = new TreeSet<>(inTheRoom);
            everywhere.addAll(homework);
            assertThat(everywhere).as("%s: every lab is in the room or in the Homework line", agenda.title())
                    .isEqualTo(new TreeSet<>(labs.keySet()));
            assertThat(homework).as("%s: labs both in the room and in the homework", agenda.title())
                    .doesNotContainAnyElementsOf(inTheRoom);
            if (!homework.isEmpty()) {
                assertThat(agenda.homeworkMinutes()).as("%s: the Homework line's \"about N minutes\" is the labs' sum",
                        agenda.title()).isEqualTo(homework.stream().mapToInt(labs::get).sum());
            }
        }));
    }

    @Test
    @DisplayName("the slide ranges in the agendas are the decks' (numbers and titles)")
    void slideRangesMatchTheDecks() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Agenda agenda : Agenda.read(GUIDE)) {
            for (Agenda.Row row : agenda.rows()) {
                Matcher range = SLIDES.matcher(row.what());
                while (range.find()) {
                    checked++;
                    Path deck = ROOT.resolve("slides").resolve(row.material());
                    if (!Files.isRegularFile(deck)) {
                        problems.add("INSTRUCTOR.md:" + row.line() + ": the Material column names no deck: " + row.material());
                        continue;
                    }
                    List<String> titles = Deck.read(deck).titles();
                    int first = Integer.parseInt(range.group(1));
                    int last = Integer.parseInt(range.group(2));
                    if (first < 1 || last > titles.size() || first > last) {
                        problems.add("INSTRUCTOR.md:" + row.line() + ": slides " + first + "-" + last + " but "
                                + row.material() + " has " + titles.size());
                        continue;
                    }
                    if (!titles.get(first - 1).equals(range.group(3)) || !titles.get(last - 1).equals(range.group(4))) {
                        problems.add("INSTRUCTOR.md:" + row.line() + ": slides " + first + "-" + last + " of "
                                + row.material() + " are \"" + titles.get(first - 1) + "\" to \"" + titles.get(last - 1)
                                + "\", not \"" + range.group(3) + "\" to \"" + range.group(4) + "\"");
                    }
                }
            }
        }
        assertThat(checked).as("slide ranges written as: slides N-M (\"first title\" to \"last title\")").isPositive();
        assertThat(problems).isEmpty();
    }
}
