package shop.slides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One agenda of the instructor guide: a {@code ### title} under {@code ## Agendas}, then a table whose columns
 * are Start ({@code 9:30} or {@code 09:30}), Min, What and Material, ending with an "End" row, and a line
 * {@code Homework: labs 08 and 09, about 70 minutes.} for the labs the room does not do.
 *
 * @param title    the heading
 * @param rows     the table's rows, "End" included
 * @param homework the Homework line ("" if none)
 */
public record Agenda(String title, List<Row> rows, String homework) {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern LAB = Pattern.compile("(?i)\\blab (\\d{2})\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{2})\\b");
    private static final Pattern MINUTES = Pattern.compile("about (\\d+) minutes");

    /**
     * @param line    1-based line in the file
     * @param start   minutes since midnight (or since the start, for a "0:00" plan)
     * @param minutes the Min column, 0 for the End row
     */
    public record Row(int line, int start, int minutes, String what, String material) {
        public boolean isEnd() {
            return what.equals("End");
        }

        public boolean isBuffer() {
            return what.startsWith("Buffer");
        }

        /** The lab this row runs ("Lab 04: ...", "lab 00 (setup)"), or -1 (a buffer runs no lab). */
        public int lab() {
            if (isBuffer()) {
                return -1;
            }
            Matcher lab = LAB.matcher(what);
            return lab.find() ? Integer.parseInt(lab.group(1)) : -1;
        }

        public String startText() {
            return String.format("%d:%02d", start / 60, start % 60);
        }
    }

    /** The labs the Homework line names. */
    public List<Integer> homeworkLabs() {
        int end = homework.indexOf("about");
        Matcher number = NUMBER.matcher(end < 0 ? homework : homework.substring(0, end));
        List<Integer> labs = new ArrayList<>();
        while (number.find()) {
            labs.add(Integer.parseInt(number.group(1)));
        }
        return labs;
    }

    /** The minutes the Homework line states ("about N minutes"), or -1. */
    public int homeworkMinutes() {
        Matcher minutes = MINUTES.matcher(homework);
        return minutes.find() ? Integer.parseInt(minutes.group(1)) : -1;
    }

    public static List<Agenda> read(Path guide) {
        List<String> lines;
        try {
            lines = Files.readAllLines(guide);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Agenda> agendas = new ArrayList<>();
        boolean inAgendas = false;
        String title = null;
        List<Row> rows = new ArrayList<>();
        String homework = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("## ") || line.startsWith("### ")) {
                if (title != null) {
                    agendas.add(new Agenda(title, List.copyOf(rows), homework));
                    title = null;
                }
                if (line.startsWith("## ")) {
                    inAgendas = line.equals("## Agendas");
                } else if (inAgendas) {
                    title = line.substring(4).trim();
                    rows = new ArrayList<>();
                    homework = "";
                }
            } else if (title != null && line.startsWith("|")) {
                String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|", -1);
                Matcher start = TIME.matcher(cells[0].trim());
                if (cells.length >= 4 && start.matches()) {
                    String min = cells[1].trim();
                    rows.add(new Row(i + 1, Integer.parseInt(start.group(1)) * 60 + Integer.parseInt(start.group(2)),
                            min.isEmpty() ? 0 : Integer.parseInt(min), cells[2].trim(), cells[3].trim()));
                }
            } else if (title != null && line.startsWith("Homework:")) {
                StringBuilder text = new StringBuilder(line);
                for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) {
                    text.append(' ').append(lines.get(j).trim());
                }
                homework = text.toString();
            }
        }
        if (title != null) {
            agendas.add(new Agenda(title, List.copyOf(rows), homework));
        }
        return agendas;
    }
}
