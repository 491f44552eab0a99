package shop.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Writes bench results as a table, a CSV file and an HTML page with SVG bar charts. */
final class BenchReport {
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759"};

    private BenchReport() {}

    static void printTable(List<BenchResult> results, PrintWriter out) {
        out.printf("%n%-14s %10s %10s %8s %8s %8s  %s%n", "impl", "orders/s", "at rate/s", "p50 ms", "p95 ms", "p99 ms",
                "vs raw infrastructure");
        for (BenchResult r : results) {
            out.printf(Locale.ROOT, "%-14s %10.1f %10.0f %8.1f %8.1f %8.1f  %s%n", r.impl(), r.saturationPerSecond(), r.rate(),
                    r.p50Millis(), r.p95Millis(), r.p99Millis(), r.baseline() == null ? "-"
                            : String.format(Locale.ROOT, "%.2f of %.0f/s (%s)", r.ratioToBaseline(), r.baselinePerSecond(), r.baseline()));
        }
    }

    static void writeCsv(List<BenchResult> results, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("impl,saturation_orders,orders_per_second,latency_orders,rate_per_second,"
                + "p50_ms,p95_ms,p99_ms,baseline,baseline_per_second,ratio_to_baseline\n");
        for (BenchResult r : results) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%.2f,%d,%.1f,%.2f,%.2f,%.2f,\"%s\",%.2f,%.3f%n", r.impl(),
                    r.saturationOrders(), r.saturationPerSecond(), r.latencyOrders(), r.rate(), r.p50Millis(),
                    r.p95Millis(), r.p99Millis(), r.baseline() == null ? "" : r.baseline(), r.baselinePerSecond(),
                    r.ratioToBaseline()));
        }
        Files.writeString(file, csv);
    }

    static void writeHtml(List<BenchResult> results, Path file) throws IOException {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Order flow benchmark</title>"
                + "<style>body{font-family:sans-serif;margin:2em}svg{margin:1em 0}</style></head><body>"
                + "<h1>Order flow benchmark</h1><p>Same machine, same embedded Kafka and Temporal, one run.</p>"
                + "<h2>Throughput at saturation (orders/s)</h2>"
                + bars(results, BenchResult::saturationPerSecond, "orders/s")
                + "<h2>End-to-end latency at a fixed rate (ms)</h2>"
                + bars(results, r -> r.p50Millis(), "p50 ms") + bars(results, r -> r.p95Millis(), "p95 ms")
                + bars(results, r -> r.p99Millis(), "p99 ms")
                + "</body></html>\n";
        Files.writeString(file, html);
    }

    /** One horizontal bar per flow, scaled to the largest value. */
    private static String bars(List<BenchResult> results, ToDoubleFunction<BenchResult> value, String unit) {
        double max = results.stream().mapToDouble(value).max().orElse(1);
        int rowHeight = 28;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                rowHeight * results.size() + 10, unit));
        for (int i = 0; i < results.size(); i++) {
            BenchResult r = results.get(i);
            double v = value.applyAsDouble(r);
            double width = max > 0 ? 400 * v / max : 0;
            int y = 5 + i * rowHeight;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" font-size=\"14\">%s</text>"
                            + "<rect x=\"120\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">%.1f %s</text>",
                    y + 15, r.impl(), y, width, COLOURS[i % COLOURS.length], 126 + width, y + 15, v, unit));
        }
        return svg.append("</svg>").toString();
    }
}
