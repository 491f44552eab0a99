package shop.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What one lab's test run left in target/surefire-reports: counts, the first failure's message, a compile error. */
record LabResult(String lab, boolean buildPassed, int tests, int failed, String firstFailure, String compileError,
                 String placeholder) {
    private static final Pattern COUNT = Pattern.compile("(tests|failures|errors)=\"(\\d+)\"");
    private static final Pattern MESSAGE = Pattern.compile("<(?:failure|error) message=\"([^\"]*)\"");

    static LabResult read(String lab, Path reports, boolean buildPassed) throws IOException {
        int tests = 0, failed = 0;
        String first = null;
        if (Files.isDirectory(reports)) {
            try (Stream<Path> files = Files.list(reports)) {
                for (Path report : files.filter(f -> f.getFileName().toString().startsWith("TEST-")).sorted().toList()) {
                    String xml = Files.readString(report);
                    Matcher counts = COUNT.matcher(xml.substring(0, Math.min(xml.length(), 2_000)));
                    while (counts.find()) {
                        int n = Integer.parseInt(counts.group(2));
                        if (counts.group(1).equals("tests")) {
                            tests += n;
                        } else {
                            failed += n;
                        }
                    }
                    Matcher message = MESSAGE.matcher(xml);
                    if (first == null && message.find()) {
                        first = unescape(message.group(1));
                    }
                }
            }
        }
        return new LabResult(lab, buildPassed, tests, failed, first, null, null);
    }

    /** A lab whose code still holds a placeholder, without running its tests. */
    static LabResult unfinished(String lab, String placeholder) {
        return new LabResult(lab, false, 0, 0, null, null, placeholder);
    }

    LabResult withCompileError(String error) {
        return new LabResult(lab, buildPassed, tests, failed, firstFailure, error, placeholder);
    }

    LabResult withPlaceholder(String left) {
        return new LabResult(lab, buildPassed, tests, failed, firstFailure, compileError, left);
    }

    void save(Path file) throws IOException {
        Properties saved = new Properties();
        saved.setProperty("buildPassed", String.valueOf(buildPassed));
        saved.setProperty("tests", String.valueOf(tests));
        saved.setProperty("failed", String.valueOf(failed));
        if (firstFailure != null) {
            saved.setProperty("firstFailure", firstFailure);
        }
        if (compileError != null) {
            saved.setProperty("compileError", compileError);
        }
        if (placeholder != null) {
            saved.setProperty("placeholder", placeholder);
        }
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            saved.store(out, "./shop check " + lab);
        }
    }

    static LabResult load(String lab, Path file) throws IOException {
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            saved.load(in);
        }
        return new LabResult(lab, Boolean.parseBoolean(saved.getProperty("buildPassed")),
                Integer.parseInt(saved.getProperty("tests", "0")), Integer.parseInt(saved.getProperty("failed", "0")),
                saved.getProperty("firstFailure"), saved.getProperty("compileError"), saved.getProperty("placeholder"));
    }

    int passed() {
        return tests - failed;
    }

    /** Every test passed and no placeholder is left: the same rule for ./shop check and ./shop run --mine. */
    boolean done() {
        return buildPassed && tests > 0 && failed == 0 && placeholder == null;
    }

    /** A starter is right when the build failed because tests failed, not because nothing ran. */
    boolean failsLikeAStarterShould() {
        return !buildPassed && tests > 0 && failed > 0;
    }

    String shortFailure() {
        if (compileError != null) {
            return "does not compile: " + compileError;
        }
        if (firstFailure == null && placeholder != null) {
            return placeholder;
        }
        if (firstFailure == null) {
            return buildPassed || tests > 0 ? "" : "the build failed before any test ran (does it compile?)";
        }
        String oneLine = firstFailure.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 100 ? oneLine.substring(0, 97) + "..." : oneLine;
    }

    private static String unescape(String xml) {
        for (List<String> pair : List.of(List.of("&quot;", "\""), List.of("&lt;", "<"), List.of("&gt;", ">"),
                List.of("&#10;", " "), List.of("&apos;", "'"), List.of("&amp;", "&"))) {
            xml = xml.replace(pair.get(0), pair.get(1));
        }
        return xml;
    }
}
