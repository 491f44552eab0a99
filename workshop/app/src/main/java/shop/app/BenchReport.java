package shop.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Writes bench results as tables, CSV files and an HTML page with SVG charts. */
final class BenchReport {
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759"};

    private BenchReport() {}

    static void printTable(List<BenchResult> results, BenchSetup setup, PrintWriter out) {
        out.println();
        setup.lines().forEach(out::println);
        out.printf("%n%-14s %10s %10s %8s %8s %8s  %s%n", "impl", "orders/s", "at rate/s", "p50 ms", "p95 ms", "p99 ms",
                "ratio to each baseline (its orders/s)");
        for (BenchResult r : results) {
            out.printf(Locale.ROOT, "%-14s %10.1f %10.0f %8.1f %8.1f %8.1f  %s%n", r.impl(), r.saturationPerSecond(),
                    r.rate(), r.p50Millis(), r.p95Millis(), r.p99Millis(), r.baselines().isEmpty() ? "-" : "");
            for (BenchResult.Baseline b : r.baselines()) {
                out.printf(Locale.ROOT, "%-14s %s %.2f of %.0f/s: %s%n", "", b.sameShape() ? "same shape:" : "bare infra:",
                        r.ratioTo(b), b.perSecond(), b.what());
            }
        }
        out.printf("%nWhere an order's time goes at %s/s (medians; each flow's own step and end-to-end meters):%n",
                results.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f", results.get(0).rate()));
        for (BenchResult r : results) {
            out.printf("  %-14s %s%n", r.impl(), r.split().line());
        }
    }

    static void printScaling(List<ScalingResult> results, PrintWriter out) {
        if (results.isEmpty()) {
            return;
        }
        out.println("\nScaling the slow payment step:");
        results.forEach(r -> out.println("  " + ScalingRun.line(r)));
    }

    static void writeCsv(List<BenchResult> results, BenchSetup setup, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("impl,saturation_orders,orders_per_second,latency_orders,rate_per_second,"
                + "p50_ms,p95_ms,p99_ms,same_shape_baseline,same_shape_per_second,ratio_to_same_shape,"
                + "bare_baseline,bare_per_second,ratio_to_bare,median_end_to_end_ms,median_inside_steps_ms,"
                + "median_between_steps_ms,steps,per_hand_off_ms,setup\n");
        for (BenchResult r : results) {
            BenchResult.Baseline shape = r.baselines().stream().filter(BenchResult.Baseline::sameShape).findFirst().orElse(null);
            BenchResult.Baseline bare = r.baselines().stream().filter(b -> !b.sameShape()).findFirst().orElse(null);
            csv.append(String.format(Locale.ROOT, "%s,%d,%.2f,%d,%.1f,%.2f,%.2f,%.2f,%s,%.2f,%.3f,%s,%.2f,%.3f,%.2f,%.2f,%.2f,%d,%.2f,%s%n",
                    r.impl(), r.saturationOrders(), r.saturationPerSecond(), r.latencyOrders(), r.rate(), r.p50Millis(),
                    r.p95Millis(), r.p99Millis(), quoted(shape == null ? "" : shape.what()), shape == null ? 0 : shape.perSecond(),
                    shape == null ? Double.NaN : r.ratioTo(shape), quoted(bare == null ? "" : bare.what()),
                    bare == null ? 0 : bare.perSecond(), bare == null ? Double.NaN : r.ratioTo(bare),
                    r.split().endToEndMillis(), r.split().insideStepsMillis(), r.split().betweenStepsMillis(),
                    r.split().steps(), r.split().perHandOffMillis(), quoted(String.join("; ", setup.lines()))));
        }
        Files.writeString(file, csv);
    }

    static void writeScalingCsv(List<ScalingResult> results, BenchSetup setup, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("impl,knob,setting,working,orders_per_second,p95_ms,waiting,waiting_max,"
                + "waiting_mean,capped_by_partitions,setup\n");
        for (ScalingResult r : results) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.2f,%.1f,%s,%.1f,%.1f,%s,%s%n", r.impl(), r.knob(),
                    r.setting(), r.working(), r.perSecond(), r.p95Millis(), quoted(r.waitingWhat()), r.waitingMax(),
                    r.waitingMean(), r.capped(), quoted(String.join("; ", setup.lines()))));
        }
        Files.writeString(file, csv);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    static void writeHtml(List<BenchResult> results, List<ScalingResult> scaled, BenchSetup setup, Path file)
            throws IOException {
        List<Bar> throughput = new ArrayList<>();
        for (BenchResult r : results) {
            throughput.add(new Bar(r.impl(), r.saturationPerSecond(), COLOURS[throughput.size() % COLOURS.length]));
            for (BenchResult.Baseline b : r.baselines()) {
                throughput.add(new Bar("  " + (b.sameShape() ? "same shape" : "bare infra"), b.perSecond(), "#bab0ac"));
            }
        }
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Order flow benchmark</title>"
                + "<style>body{font-family:sans-serif;margin:2em}svg{margin:1em 0}</style></head><body>"
                + "<h1>Order flow benchmark</h1><ul>" + setup.lines().stream().map(l -> "<li>" + escape(l) + "</li>")
                        .reduce("", String::concat) + "</ul>"
                + "<h2>Throughput at saturation (orders/s), each flow above its baselines (grey)</h2>"
                + bars(throughput, "orders/s")
                + "<h2>End-to-end latency at a fixed rate (ms)</h2>"
                + bars(results, r -> r.p50Millis(), "p50 ms") + bars(results, r -> r.p95Millis(), "p95 ms")
                + bars(results, r -> r.p99Millis(), "p99 ms")
                + "<h2>Between the steps: coordination per hand-off (median ms)</h2>"
                + bars(results, r -> r.split().perHandOffMillis(), "ms per hand-off")
                + ScalingChart.svg(scaled)
                + "</body></html>\n";
        Files.writeString(file, html);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    record Bar(String label, double value, String colour) {}

    private static String bars(List<BenchResult> results, ToDoubleFunction<BenchResult> value, String unit) {
        List<Bar> bars = new ArrayList<>();
        for (BenchResult r : results) {
            bars.add(new Bar(r.impl(), value.applyAsDouble(r), COLOURS[bars.size() % COLOURS.length]));
        }
        return bars(bars, unit);
    }

    /** One horizontal bar per row, scaled to the largest value. */
    private static String bars(List<Bar> bars, String unit) {
        double max = bars.stream().mapToDouble(Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(1);
        int rowHeight = 28;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"680\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                rowHeight * bars.size() + 10, unit));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double v = Double.isNaN(bar.value()) ? 0 : bar.value();
            double width = max > 0 ? 400 * v / max : 0;
            int y = 5 + i * rowHeight;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"14\" xml:space=\"preserve\">%s</text>"
                            + "<rect x=\"140\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">%.1f %s</text>",
                    y + 15, escape(bar.label()), y, width, bar.colour(), 146 + width, y + 15, v, unit));
        }
        return svg.append("</svg>").toString();
    }
}
