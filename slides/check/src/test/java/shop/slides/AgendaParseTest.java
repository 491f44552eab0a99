package shop.slides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the instructor guide's agendas are read (the rules they must follow are in AgendaTest). */
class AgendaParseTest {
    @TempDir
    Path root;

    @Test
    void readsEachAgendaItsRowsAndItsHomework() throws IOException {
        Path guide = root.resolve("INSTRUCTOR.md");
        Files.writeString(guide, String.join("\n",
                "# Guide", "", "## Agendas", "", "### Short", "",
                "| Start | Min | What | Material |", "|---|---|---|---|",
                "| 0:00 | 20 | Welcome; lab 00 | labs/00-setup |",
                "| 0:20 | 10 | Buffer: lab 00 stragglers | |",
                "| 0:30 | 30 | Lab 01: metrics | labs/01-metrics |",
                "| 1:00 | | End | |", "",
                "Homework: labs 02, 03 and 10, about 115 minutes. Lab 04 is",
                "not homework.", "",
                "## Pre-flight", "", "### Not an agenda", "", "| 9:00 | 5 | x | y |", ""));

        List<Agenda> agendas = Agenda.read(guide);

        assertThat(agendas).hasSize(1);
        Agenda agenda = agendas.get(0);
        assertThat(agenda.title()).isEqualTo("Short");
        assertThat(agenda.rows()).extracting(Agenda.Row::start).containsExactly(0, 20, 30, 60);
        assertThat(agenda.rows()).extracting(Agenda.Row::lab).containsExactly(0, -1, 1, -1);
        assertThat(agenda.rows().get(1).isBuffer()).isTrue();
        assertThat(agenda.rows().get(3).isEnd()).isTrue();
        assertThat(agenda.rows().get(2).line()).isEqualTo(11);
        assertThat(agenda.homeworkLabs()).containsExactly(2, 3, 10);
        assertThat(agenda.homeworkMinutes()).isEqualTo(115);
    }
}
