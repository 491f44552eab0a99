package shop.rehearse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code <!-- rehearse: ... -->} comment asks of the {@code ```bash} block right under it.
 *
 * <pre>{@code <!-- rehearse: expect='"status":"UP"' timeout=30 retry -->}</pre>
 *
 * @param expect       fragments the block's output (stdout and stderr) must contain, each of them
 * @param timeout      how long the block may take (a serve block: until its output has every fragment)
 * @param serve        the block starts a server (a shop, a service): run it in the background, wait for the
 *                     fragments, and stop it when the file's rehearsal ends
 * @param stop         before this block, stop every server started so far in this file (the guide says Ctrl-C)
 * @param retry        run the block again, once a second, until it passes or its timeout ends (an order that
 *                     must reach COMPLETED, a meter that must show up)
 * @param onSolutions  run the block with {@code labs/NN-} replaced by {@code solutions/NN-}
 * @param starterFails the block, as written, must fail and print this; then it runs on the solutions and must pass
 * @param skip         why this block is not rehearsed (it needs Docker, it runs every test, ...)
 */
public record Marker(List<String> expect, Duration timeout, boolean serve, boolean stop, boolean retry, boolean onSolutions,
                     Optional<String> starterFails, Optional<String> skip) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern COMMENT = Pattern.compile("^\\s*<!--\\s*rehearse:(.*?)-->\\s*$");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("\\G\\s*([a-z-]+)(?:=(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+)))?");

    /** The marker on this line, if it is one; a marker with an attribute it does not know is an error. */
    static Optional<Marker> parse(String line) {
        Matcher comment = COMMENT.matcher(line);
        if (!comment.matches()) {
            return Optional.empty();
        }
        String attributes = comment.group(1).trim();
        List<String> expect = new ArrayList<>();
        Duration timeout = DEFAULT_TIMEOUT;
        boolean serve = false, stop = false, retry = false, onSolutions = false;
        String starterFails = null, skip = null;
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        int end = 0;
        while (end < attributes.length() && attribute.find(end) && attribute.start() == end) {
            end = attribute.end();
            String name = attribute.group(1);
            String value = attribute.group(2) != null ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
            switch (name) {
                case "expect" -> expect.add(required(name, value));
                case "timeout" -> timeout = Duration.ofSeconds(seconds(required(name, value)));
                case "serve" -> serve = true;
                case "stop" -> stop = true;
                case "retry" -> retry = true;
                case "on" -> onSolutions = onSolutions(required(name, value));
                case "starter-fails" -> starterFails = required(name, value);
                case "no" -> skip = required(name, value);
                default -> throw new IllegalArgumentException("unknown attribute '" + name
                        + "' (known: expect, timeout, serve, stop, retry, on=solutions, starter-fails, no)");
            }
        }
        if (end < attributes.trim().length()) {
            throw new IllegalArgumentException("cannot read '" + attributes.substring(end).trim()
                    + "': attributes are name, name=word, name=\"text\" or name='text'");
        }
        return Optional.of(new Marker(List.copyOf(expect), timeout, serve, stop, retry, onSolutions,
                Optional.ofNullable(starterFails), Optional.ofNullable(skip)));
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' needs a value: " + name + "=\"...\"");
        }
        return value;
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timeout is whole seconds, not '" + value + "'");
        }
    }

    private static boolean onSolutions(String value) {
        if (!value.equals("solutions")) {
            throw new IllegalArgumentException("on= takes 'solutions' only, not '" + value + "'");
        }
        return true;
    }
}
