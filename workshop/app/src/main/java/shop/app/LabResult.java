package shop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What one lab's test run left in target/failsafe-reports: counts, and the first failure's message. */
record LabResult(String lab, boolean buildPassed, int tests, int failed, String firstFailure) {
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
        return new LabResult(lab, buildPassed, tests, failed, first);
    }

    int passed() {
        return tests - failed;
    }

    boolean done() {
        return buildPassed && tests > 0 && failed == 0;
    }

    /** A starter is right when the build failed because tests failed, not because nothing ran. */
    boolean failsLikeAStarterShould() {
        return !buildPassed && tests > 0 && failed > 0;
    }

    String shortFailure() {
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
