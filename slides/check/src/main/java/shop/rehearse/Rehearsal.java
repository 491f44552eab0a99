package shop.rehearse;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs the marked {@code ```bash} blocks of Markdown files, in order, each with its timeout, and checks that its
 * output holds the fragments its marker expects, so a guide cannot drift from the code. The convention is in
 * slides/README.md ("Commands in a guide are rehearsed").
 *
 * <pre>java -cp slides/check/target/classes shop.rehearse.Rehearsal [--root DIR] [--every-block] FILE.md...</pre>
 *
 * Exit code 0 when every marked block passed, 1 when one failed, 2 when a marker cannot be read.
 */
public final class Rehearsal {

    private final Path root;
    private final boolean everyBlock;
    private final PrintStream out;
    private final List<Shell> servers = new ArrayList<>();
    private int passed;
    private int failed;
    private int skipped;
    private int unmarked;

    /**
     * @param root       where the commands run (the repository)
     * @param everyBlock a shell block with no marker fails the rehearsal: mark it, or say why not with {@code no="..."}
     */
    public Rehearsal(Path root, boolean everyBlock, PrintStream out) {
        this.root = root;
        this.everyBlock = everyBlock;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        boolean everyBlock = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--every-block" -> everyBlock = true;
                default -> files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: Rehearsal [--root DIR] [--every-block] FILE.md...");
            System.exit(2);
        }
        try {
            System.exit(new Rehearsal(root, everyBlock, System.out).rehearse(files) == 0 ? 0 : 1);
        } catch (IllegalArgumentException badMarker) {
            System.err.println("error: " + badMarker.getMessage());
            System.exit(2);
        }
    }

    /** Rehearses the files one after the other; returns how many blocks failed. */
    public int rehearse(List<Path> files) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<List<Block>> all = new ArrayList<>();
        for (Path file : files) {
            all.add(Blocks.of(root.resolve(file)));   // every marker is read before anything runs
        }
        for (List<Block> blocks : all) {
            try {
                for (Block block : blocks) {
                    if (!rehearse(block)) {
                        break;
                    }
                }
            } finally {
                stopServers();
            }
        }
        out.printf("rehearsal: %d blocks passed, %d failed, %d not rehearsed (marked no=), %d unmarked, in %.0f s%n",
                passed, failed, skipped, unmarked, (System.nanoTime() - start) / 1e9);
        return failed;
    }

    /** False when the rest of the file cannot run (a server it needs did not start). */
    private boolean rehearse(Block block) throws IOException, InterruptedException {
        if (block.marker().isEmpty()) {
            if (everyBlock) {
                report(block, 0, Optional.of("no rehearse marker: mark it, or say why not with <!-- rehearse: no=\"...\" -->"));
            } else {
                unmarked++;
            }
            return true;
        }
        Marker marker = block.marker().get();
        if (marker.stop()) {
            stopServers();
        }
        if (marker.skip().isPresent()) {
            skipped++;
            out.printf("skip          %s  (%s)%n", block.where(), marker.skip().get());
            return true;
        }
        long start = System.nanoTime();
        Optional<String> problem;
        if (marker.serve()) {
            problem = serve(marker.onSolutions() ? onSolutions(block.code()) : block.code(), marker);
        } else if (marker.starterFails().isPresent()) {
            problem = onStarter(block.code(), marker);
            if (problem.isEmpty()) {
                problem = run(onSolutions(block.code()), marker);
            }
        } else {
            problem = run(marker.onSolutions() ? onSolutions(block.code()) : block.code(), marker);
        }
        report(block, System.nanoTime() - start, problem);
        return !(marker.serve() && problem.isPresent());
    }

    private Optional<String> run(String code, Marker marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + marker.timeout().toNanos();
        while (true) {
            Shell shell = Shell.start(root, code);
            OptionalInt exit = shell.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (exit.isEmpty()) {
                return Optional.of("timed out after " + marker.timeout().toSeconds() + " s" + tail(shell.output()));
            }
            Optional<String> problem = exit.getAsInt() != 0
                    ? Optional.of("exit code " + exit.getAsInt())
                    : missing(shell.output(), marker.expect());
            if (problem.isEmpty() || !marker.retry() || System.nanoTime() > deadline - 1_000_000_000L) {
                return problem.map(p -> p + (marker.retry() ? " (retried for " + marker.timeout().toSeconds() + " s)" : "")
                        + tail(shell.output()));
            }
            Thread.sleep(1000);
        }
    }

    private Optional<String> onStarter(String code, Marker marker) throws IOException, InterruptedException {
        Shell shell = Shell.start(root, code);
        OptionalInt exit = shell.await(marker.timeout());
        String output = shell.output();
        String fragment = marker.starterFails().orElseThrow();
        if (exit.isEmpty()) {
            return Optional.of("timed out on the starter after " + marker.timeout().toSeconds() + " s" + tail(output));
        }
        if (exit.getAsInt() == 0) {
            return Optional.of("passed on the starter, where it must fail (starter-fails)" + tail(output));
        }
        return output.contains(fragment) ? Optional.empty()
                : Optional.of("failed on the starter without saying '" + fragment + "'" + tail(output));
    }

    private Optional<String> serve(String code, Marker marker) throws IOException, InterruptedException {
        Shell shell = Shell.start(root, code);
        servers.add(shell);
        long deadline = System.nanoTime() + marker.timeout().toNanos();
        while (missing(shell.output(), marker.expect()).isPresent()) {
            if (!shell.alive()) {
                return Optional.of("stopped before it was ready" + tail(shell.output()));
            }
            if (System.nanoTime() > deadline) {
                return Optional.of(missing(shell.output(), marker.expect()).orElseThrow() + " after "
                        + marker.timeout().toSeconds() + " s" + tail(shell.output()));
            }
            Thread.sleep(250);
        }
        return Optional.empty();
    }

    private void stopServers() throws InterruptedException {
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).stop();   // the last started first: a service before the shop it talks to
        }
        servers.clear();
    }

    private void report(Block block, long nanos, Optional<String> problem) {
        if (problem.isEmpty()) {
            passed++;
            out.printf("ok   %6.1f s  %s%n", nanos / 1e9, block.where());
        } else {
            failed++;
            out.printf("FAIL %6.1f s  %s%n      %s%n", nanos / 1e9, block.where(), problem.get().replace("\n", "\n      "));
        }
    }

    private static Optional<String> missing(String output, List<String> expect) {
        return expect.stream().filter(fragment -> !output.contains(fragment)).findFirst()
                .map(fragment -> "output lacks '" + fragment + "'");
    }

    /**
     * The same commands on the finished code: labs/NN-name becomes solutions/NN-name, and {@code ./shop run
     * --mine=NN}, which stops unless lab NN's check passes, becomes {@code --mine}, which runs the solution of every
     * lab whose check fails (every starter's) and says so in its banner.
     */
    static String onSolutions(String code) {
        return code.replaceAll("(?<![\\w/])labs/(\\d\\d-)", "solutions/$1")
                .replaceAll("--mine=[\\d,]+(?![\\w,])", "--mine");
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        List<String> last = lines.subList(Math.max(0, lines.size() - 25), lines.size());
        return last.isEmpty() ? "\n(no output)" : "\nlast lines of its output:\n" + String.join("\n", last);
    }
}
