package shop.app;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The first compile error in a Maven log, as one line: the file (relative to the repository), its line, the message. */
final class CompileError {
    private static final Pattern ERROR = Pattern.compile("\\[ERROR\\] (\\S+\\.java):\\[(\\d+),\\d+\\] (.*)");

    private CompileError() {}

    /** @return e.g. "labs/03-kafka-handlers/src/main/java/shop/.../PaymentHandler.java:36: ';' expected", or null */
    static String firstIn(String mavenLog, Path root) {
        Matcher error = ERROR.matcher(mavenLog);
        if (!error.find()) {
            return null;
        }
        String file = error.group(1);
        try {
            file = root.relativize(Path.of(file)).toString().replace('\\', '/');
        } catch (IllegalArgumentException notUnderTheRoot) {
            // keep the path as Maven printed it
        }
        return file + ":" + error.group(2) + ": " + error.group(3).trim();
    }
}
