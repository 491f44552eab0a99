package shop.slides;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;


/**
 * Renders the decks as the instructor does ({@code bash slides/render.sh --html}: Marp, Mermaid diagrams drawn by
 * mermaid-cli) and measures every slide in headless Chromium at 1280x720 ({@code node slides/layout.mjs}).
 *
 * <p>It needs bash, node and Chromium ({@code CHROME_PATH}, default {@code /usr/bin/chromium}), and the pinned
 * tools in {@code slides/node_modules}. On a laptop, without them the layout checks are skipped (a JDK is all an
 * attendee needs); in CI ({@code CI} set, not "false") they fail, and render.sh installs node_modules with
 * {@code npm ci}.
 */
final class RenderedDecks {
    private static final long RENDER_MINUTES = 10; // a cold CI run draws every diagram; warm runs take seconds

    private RenderedDecks() {}

    /** What is missing to render and measure the decks here, if anything. */
    static Optional<String> missingTools(Path root) {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROME_PATH", "/usr/bin/chromium"));
        if (onPath("bash") == null) {
            return Optional.of("bash is not on the PATH");
        }
        if (onPath("node") == null) {
            return Optional.of("node is not on the PATH: install Node.js 18 or newer, with npm");
        }
        if (!Files.isExecutable(chromium)) {
            return Optional.of("no Chromium at " + chromium + ": `apt-get install -y chromium` (Debian), or set CHROME_PATH");
        }
        if (!Files.isDirectory(root.resolve("slides/node_modules"))) {
            if (!inCi()) {
                return Optional.of("slides/node_modules is missing: run `bash slides/render.sh` once (it installs the"
                        + " pinned Marp and Mermaid tools with npm ci)");
            }
            if (onPath("npm") == null) {
                return Optional.of("npm is not on the PATH (render.sh installs the slides' tools with it)");
            }
        }
        return Optional.empty();
    }

    /** Renders every deck to slides/dist/NAME.html and measures each slide; see {@link #missingTools} first. */
    static List<SlideLayout> measure(Path root) {
        Path slides = root.resolve("slides");
        run(slides, List.of("bash", "render.sh", "--html"));
        List<String> command = new ArrayList<>(List.of("node", "layout.mjs"));
        for (Deck deck : Repo.decks(root)) {
            String name = deck.file().getFileName().toString();
            command.add("dist/" + name.substring(0, name.length() - ".md".length()) + ".html");
        }
        return SlideLayout.parse(run(slides, command));
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.equalsIgnoreCase("false");
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs a command in dir; its standard output as lines, or an AssertionError with everything it printed. */
    private static List<String> run(Path dir, List<String> command) {
        try {
            Path err = Files.createTempFile("slides-check", ".err");
            Path out = Files.createTempFile("slides-check", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                process.getOutputStream().close(); // nothing on stdin: marp would wait for a deck there
                if (!process.waitFor(RENDER_MINUTES, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " (in slides/) took more than "
                            + RENDER_MINUTES + " minutes");
                }
                List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " (in slides/) failed with exit code "
                            + process.exitValue() + ":\n" + String.join("\n", lines) + "\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return lines;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
