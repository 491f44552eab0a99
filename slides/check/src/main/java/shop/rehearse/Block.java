package shop.rehearse;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code ```bash} block of a Markdown file, and the rehearse marker above it if it has one.
 *
 * @param file   the Markdown file
 * @param line   1-based line of the opening fence
 * @param marker what the rehearsal checks; empty for a block nobody marked
 * @param code   the commands, without the fence and without the indentation of a list item
 */
public record Block(Path file, int line, Optional<Marker> marker, String code) {

    /** Where it is and how it starts, for the report: "INSTRUCTOR.md:120  ./shop run". */
    public String where() {
        String first = code.lines().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
        return file.getFileName() + ":" + line + "  " + (first.length() > 70 ? first.substring(0, 67) + "..." : first);
    }
}
