package shop.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scaling run as an SVG line chart: orders/s against consumers or slots, one line per style, with the two
 * baselines of that run drawn dashed: the rate offered, and the capacity of the working consumers or slots.
 */
final class ScalingChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 50;
    private static final int BOTTOM = 40;
    private static final String[] COLOURS = {"#f28e2b", "#59a14f"};

    private ScalingChart() {}

    static String svg(List<ScalingResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        List<Integer> settings = List.copyOf(new TreeSet<>(results.stream().map(ScalingResult::setting).toList()));
        double offered = results.get(0).offeredRate();
        double top = Math.max(offered, results.stream().mapToDouble(ScalingResult::perSecond).max().orElse(1)) * 1.1;
        Map<String, List<ScalingResult>> byImpl = new LinkedHashMap<>();
        results.forEach(r -> byImpl.computeIfAbsent(r.impl(), key -> new java.util.ArrayList<>()).add(r));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<h2>Scaling the slow payment step (%d ms, %.0f orders/s offered)</h2>"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" "
                        + "aria-label=\"orders/s by consumers or slots\">", results.get(0).slowMillis(), offered, WIDTH,
                HEIGHT + BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
                LEFT, HEIGHT, WIDTH - 10, HEIGHT));
        for (int i = 0; i < settings.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%d</text>",
                    x(i, settings.size()) - 4, HEIGHT + 16, settings.get(i)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">consumers per group / activity"
                + " slots; y: orders/s (0 to %.0f)</text>", LEFT, HEIGHT + 34, top));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#bab0ac\" "
                + "stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" font-size=\"12\">offered %.0f/s</text>",
                LEFT, y(offered, top), WIDTH - 10, y(offered, top), LEFT + 4, y(offered, top) - 4, offered));
        int colour = 0;
        for (Map.Entry<String, List<ScalingResult>> style : byImpl.entrySet()) {
            String paint = COLOURS[colour++ % COLOURS.length];
            StringBuilder measured = new StringBuilder();
            StringBuilder ideal = new StringBuilder();
            for (ScalingResult r : style.getValue()) {
                double x = x(settings.indexOf(r.setting()), settings.size());
                measured.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(r.perSecond(), top)));
                ideal.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(r.ideal(), top)));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-dasharray=\"2 4\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"%s\">%s (dotted: capacity of the working %s)</text>",
                    measured, paint, ideal, paint, WIDTH - 330, 16 * colour, paint, style.getKey(),
                    style.getValue().get(0).knob()));
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int index, int count) {
        return LEFT + 20 + (count == 1 ? 0 : index * (WIDTH - LEFT - 60.0) / (count - 1));
    }

    private static double y(double value, double top) {
        return HEIGHT - 10 - (HEIGHT - 20) * value / top;
    }
}
