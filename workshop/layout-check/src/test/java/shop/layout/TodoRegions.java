package shop.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares a starter file with its solution: equal outside the TODO regions, the same regions in the same order. */
final class TodoRegions {
    private static final Pattern START = Pattern.compile("^\\s*// TODO (\\d+)\\b.*");
    private static final Pattern END = Pattern.compile("^\\s*// end TODO (\\d+)\\s*$");
    private static final Pattern IGNORED = Pattern.compile("^\\s*(import .*|// (tag|end)::[\\w-]+\\[\\])\\s*$");

    /** A line outside every region, or a whole region, with the line number it starts at (1-based). */
    record Part(int line, String text, Integer todo) {
        boolean isRegion() {
            return todo != null;
        }
    }

    private TodoRegions() {}

    /** The parts of a file; a region that never ends is an error naming its line. */
    static List<Part> parts(List<String> lines) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            Matcher start = START.matcher(text);
            if (start.matches()) {
                int todo = Integer.parseInt(start.group(1));
                int end = endOf(lines, i, todo);
                parts.add(new Part(i + 1, "TODO " + todo, todo));
                i = end;
            } else if (END.matcher(text).matches()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": \"" + text.trim() + "\" ends no TODO region");
            } else if (!IGNORED.matcher(text).matches()) {
                parts.add(new Part(i + 1, text, null));
            }
        }
        return parts;
    }

    private static int endOf(List<String> lines, int start, int todo) {
        for (int i = start + 1; i < lines.size(); i++) {
            Matcher end = END.matcher(lines.get(i));
            if (end.matches() && Integer.parseInt(end.group(1)) == todo) {
                return i;
            }
        }
        throw new IllegalArgumentException("line " + (start + 1) + ": TODO " + todo + " has no \"// end TODO " + todo + "\"");
    }

    /** How the two files differ outside their TODO regions, or empty if they don't. */
    static Optional<String> drift(List<String> starter, List<String> solution) {
        List<Part> ours = parts(starter);
        List<Part> theirs = parts(solution);
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            Part a = i < ours.size() ? ours.get(i) : null;
            Part b = i < theirs.size() ? theirs.get(i) : null;
            if (a == null || b == null || !a.text().equals(b.text())) {
                return Optional.of("starter line " + (a == null ? "(end)" : a.line()) + " \"" + show(a)
                        + "\" vs solution line " + (b == null ? "(end)" : b.line()) + " \"" + show(b) + "\"");
            }
        }
        return Optional.empty();
    }

    static boolean hasRegion(List<String> lines) {
        return parts(lines).stream().anyMatch(Part::isRegion);
    }

    private static String show(Part part) {
        return part == null ? "" : part.isRegion() ? "// " + part.text() + " ..." : part.text().trim();
    }
}
