package shop.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import shop.observe.MeterNames;
import shop.travel.TripMeters;

/**
 * The console's charts, from the shop's own meters: no Prometheus needed. It reads the registry at most once per
 * {@link #EVERY}, and only when a console asks, so a shop without a console open pays nothing. Like Prometheus it
 * keeps the counters' running totals and computes rates and quantiles from their increase over {@link #WINDOW}:
 * {@code rate(x[10s])} and {@code histogram_quantile(q, rate(x_bucket[10s]))}, with the same interpolation.
 */
public final class MeterHistory {
    public static final long EVERY_MILLIS = 1_000;
    public static final long WINDOW_MILLIS = 10_000;
    /** Two minutes at one sample a second. */
    public static final int POINTS = 120;

    /** Lab 05's meter, tags group and topic. */
    static final String GROUP_LAG = "shop.kafka.consumer.group.lag";
    /** The Temporal SDK's timers (lab 09's reporter), tag task_queue; chart id to meter name. */
    static final Map<String, String> SCHEDULE_TO_START = Map.of(
            "workflowTaskScheduleToStart", "temporal_workflow_task_schedule_to_start_latency",
            "activityScheduleToStart", "temporal_activity_schedule_to_start_latency");
    private static final String TASK_QUEUE = "task_queue";

    private final MeterRegistry registry;
    private final LongSupplier clockMillis;
    private final List<Sample> samples = new ArrayList<>();

    /** What the meters said at one moment: running totals, as a scrape would see them; orders and trips by impl. */
    record Sample(long atMillis, Map<String, FlowTotals> flows, Map<String, FlowTotals> trips,
                  Map<String, Double> lagByGroup, Map<String, Map<String, Histogram>> waitsByChart) {}

    /** For trips, {@code completed} counts the CONFIRMED ones. */
    record FlowTotals(double placed, double completed, double rejected, double compensated, double inFlight,
                      Histogram duration) {}

    /** The meters one kind of thing is counted in: the orders' vocabulary, or the trips'. */
    private record Vocabulary(String placed, String completed, String rejected, String compensated, String inFlight,
                              String duration) {}

    private static final Vocabulary ORDERS = new Vocabulary(MeterNames.ORDERS_PLACED, MeterNames.ORDERS_COMPLETED,
            MeterNames.ORDERS_REJECTED, MeterNames.ORDERS_COMPENSATED, MeterNames.ORDERS_IN_FLIGHT, MeterNames.ORDER_DURATION);
    private static final Vocabulary TRIPS = new Vocabulary(TripMeters.TRIPS_PLACED, TripMeters.TRIPS_CONFIRMED,
            TripMeters.TRIPS_REJECTED, TripMeters.TRIPS_COMPENSATED, TripMeters.TRIPS_IN_FLIGHT, TripMeters.TRIP_DURATION);

    /** A timer's running totals: how many were observed, and how many at most each bucket's bound (seconds). */
    record Histogram(double count, NavigableMap<Double, Double> atMost) {
        static final Histogram NONE = new Histogram(0, new TreeMap<>());
    }

    public MeterHistory(MeterRegistry registry) {
        this(registry, System::currentTimeMillis);
    }

    MeterHistory(MeterRegistry registry, LongSupplier clockMillis) {
        this.registry = registry;
        this.clockMillis = clockMillis;
    }

    /**
     * The series of every chart in {@link ConsoleCharts#ALL}:
     * {@code {"at": [epoch seconds...], "windowSeconds": 10, "series": {chartId: {seriesName: [value or null...]}}}}.
     * A value is null where there is nothing to say, e.g. a p95 over a window in which no order finished.
     */
    public synchronized Map<String, Object> snapshot() {
        long now = clockMillis.getAsLong();
        if (samples.isEmpty() || now - samples.get(samples.size() - 1).atMillis() >= EVERY_MILLIS) {
            samples.add(sample(now));
            if (samples.size() > POINTS) {
                samples.remove(0);
            }
        }
        List<Double> at = new ArrayList<>();
        samples.forEach(sample -> at.add(sample.atMillis() / 1000.0));
        Map<String, Map<String, List<Double>>> series = new LinkedHashMap<>();
        ConsoleCharts.ALL.forEach(chart -> series.put(chart.id(), new LinkedHashMap<>()));
        for (String impl : implsSeen()) {
            series.get("placed").put(impl, rates(sample -> flow(sample, impl), FlowTotals::placed));
            series.get("completed").put(impl, rates(sample -> flow(sample, impl), FlowTotals::completed));
            series.get("rejected").put(impl, rates(sample -> flow(sample, impl), FlowTotals::rejected));
            series.get("compensated").put(impl, rates(sample -> flow(sample, impl), FlowTotals::compensated));
            series.get("p95").put(impl, quantiles(sample -> flow(sample, impl) == null ? null : flow(sample, impl).duration(), 0.95));
            series.get("p50").put(impl, quantiles(sample -> flow(sample, impl) == null ? null : flow(sample, impl).duration(), 0.5));
            series.get("inFlight").put(impl, values(sample -> flow(sample, impl) == null ? null : flow(sample, impl).inFlight()));
        }
        for (String impl : seen(sample -> sample.trips().keySet())) {
            series.get("tripsPlaced").put(impl, rates(sample -> sample.trips().get(impl), FlowTotals::placed));
            series.get("tripsConfirmed").put(impl, rates(sample -> sample.trips().get(impl), FlowTotals::completed));
            series.get("tripsRejected").put(impl, rates(sample -> sample.trips().get(impl), FlowTotals::rejected));
        }
        for (String group : lagGroupsSeen()) {
            series.get("lag").put(group, values(sample -> sample.lagByGroup().get(group)));
        }
        for (String chart : SCHEDULE_TO_START.keySet()) {
            for (String queue : seen(sample -> sample.waitsByChart().get(chart).keySet())) {
                series.get(chart).put(queue, quantiles(sample -> sample.waitsByChart().get(chart).get(queue), 0.95));
            }
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("at", at);
        snapshot.put("windowSeconds", WINDOW_MILLIS / 1000);
        snapshot.put("series", series);
        return snapshot;
    }

    private Sample sample(long now) {
        Map<String, FlowTotals> flows = totals(ORDERS);
        Map<String, FlowTotals> trips = totals(TRIPS);
        Map<String, Double> lag = new TreeMap<>();
        for (Gauge gauge : registry.find(GROUP_LAG).gauges()) {
            String group = gauge.getId().getTag("group");
            double value = gauge.value();
            if (group != null && Double.isFinite(value)) {
                lag.merge(group, value, Double::sum);
            }
        }
        Map<String, Map<String, Histogram>> waits = new TreeMap<>();
        SCHEDULE_TO_START.forEach((chart, meter) -> {
            Map<String, List<Timer>> byQueue = new TreeMap<>();
            for (Timer timer : registry.find(meter).timers()) {
                String queue = timer.getId().getTag(TASK_QUEUE);
                if (queue != null) {
                    byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(timer);
                }
            }
            Map<String, Histogram> histograms = new TreeMap<>();
            byQueue.forEach((queue, timers) -> histograms.put(queue, histogram(timers)));
            waits.put(chart, histograms);
        });
        return new Sample(now, flows, trips, lag, waits);
    }

    /** The running totals of each impl that counted something placed in these meters. */
    private Map<String, FlowTotals> totals(Vocabulary meters) {
        Map<String, FlowTotals> byImpl = new TreeMap<>();
        for (String impl : implsIn(meters.placed())) {
            Histogram duration = histogram(registry.find(meters.duration()).tag(MeterNames.TAG_IMPL, impl).timers());
            byImpl.put(impl, new FlowTotals(count(meters.placed(), impl), count(meters.completed(), impl),
                    count(meters.rejected(), impl), count(meters.compensated(), impl),
                    registry.find(meters.inFlight()).tag(MeterNames.TAG_IMPL, impl).gauges().stream()
                            .mapToDouble(Gauge::value).sum(),
                    duration));
        }
        return byImpl;
    }

    /** The timers' buckets summed, as {@code sum by (le)} would. */
    private static Histogram histogram(Collection<Timer> timers) {
        NavigableMap<Double, Double> atMost = new TreeMap<>();
        double count = 0;
        for (Timer timer : timers) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            count += snapshot.count();
            for (CountAtBucket bucket : snapshot.histogramCounts()) { // cumulative, like Prometheus' le buckets
                atMost.merge(bucket.bucket(TimeUnit.SECONDS), bucket.count(), Double::sum);
            }
        }
        return new Histogram(count, atMost);
    }

    private List<String> implsIn(String placed) {
        return registry.find(placed).counters().stream()
                .map(counter -> counter.getId().getTag(MeterNames.TAG_IMPL))
                .filter(impl -> impl != null)
                .distinct().sorted().toList();
    }

    private double count(String name, String impl) {
        return registry.find(name).tag(MeterNames.TAG_IMPL, impl).counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<String> implsSeen() {
        return seen(sample -> sample.flows().keySet());
    }

    private List<String> lagGroupsSeen() {
        return seen(sample -> sample.lagByGroup().keySet());
    }

    private List<String> seen(Function<Sample, Set<String>> names) {
        return samples.stream().flatMap(sample -> names.apply(sample).stream()).distinct().sorted().toList();
    }

    private static FlowTotals flow(Sample sample, String impl) {
        return sample.flows().get(impl);
    }

    private interface Reading {
        Double of(Sample sample);
    }

    private List<Double> values(Reading reading) {
        List<Double> values = new ArrayList<>();
        samples.forEach(sample -> values.add(reading.of(sample)));
        return values;
    }

    /**
     * {@code rate(total[WINDOW])} at each sample: the increase since the sample a window earlier, per second.
     *
     * @param totals one impl's totals in a sample, or null where it had none yet
     */
    private List<Double> rates(Function<Sample, FlowTotals> totals, java.util.function.ToDoubleFunction<FlowTotals> total) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            int from = windowStart(i);
            FlowTotals now = totals.apply(samples.get(i));
            if (from == i || now == null) {
                rates.add(null);
                continue;
            }
            FlowTotals then = totals.apply(samples.get(from));
            double increase = total.applyAsDouble(now) - (then == null ? 0 : total.applyAsDouble(then));
            double seconds = (samples.get(i).atMillis() - samples.get(from).atMillis()) / 1000.0;
            rates.add(Math.max(0, increase) / seconds);
        }
        return rates;
    }

    /** {@code histogram_quantile(q, rate(x_bucket[WINDOW]))} at each sample, for the histogram a sample has (or null). */
    private List<Double> quantiles(Function<Sample, Histogram> histogram, double q) {
        List<Double> quantiles = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            int from = windowStart(i);
            Histogram now = histogram.apply(samples.get(i));
            if (from == i || now == null) {
                quantiles.add(null);
                continue;
            }
            Histogram then = Objects.requireNonNullElse(histogram.apply(samples.get(from)), Histogram.NONE);
            NavigableMap<Double, Double> increase = new TreeMap<>();
            now.atMost().forEach((le, count) -> increase.put(le, count - then.atMost().getOrDefault(le, 0.0)));
            quantiles.add(quantile(q, increase, now.count() - then.count()));
        }
        return quantiles;
    }

    /** The index of the sample a window before sample i: the latest at least WINDOW older, else the oldest kept. */
    private int windowStart(int i) {
        long target = samples.get(i).atMillis() - WINDOW_MILLIS;
        int from = 0;
        for (int j = i; j >= 0; j--) {
            if (samples.get(j).atMillis() <= target) {
                from = j;
                break;
            }
        }
        return from;
    }

    /**
     * Prometheus' histogram_quantile: find the bucket that holds the q-th observation and interpolate linearly
     * inside it; above the highest finite bucket, its bound. Null when nothing was observed.
     *
     * @param atMost observations at most each bucket's upper bound (cumulative), in seconds
     * @param total  all observations, the +Inf bucket
     */
    static Double quantile(double q, NavigableMap<Double, Double> atMost, double total) {
        if (total <= 0) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : atMost.entrySet()) {
            double count = bucket.getValue();
            if (count >= rank && count > below) {
                return lowerBound + (bucket.getKey() - lowerBound) * (rank - below) / (count - below);
            }
            lowerBound = bucket.getKey();
            below = count;
        }
        return atMost.isEmpty() ? null : atMost.lastKey();
    }
}
