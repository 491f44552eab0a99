package shop.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import shop.choreography.events.EventTopics;
import shop.choreography.flow.ChoreographyFlow;
import shop.choreography.flow.ChoreographyFlowFactory;
import shop.domain.Catalog;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Service;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.Parallelism;
import shop.flow.ShopContext;
import shop.infra.KafkaTopics;

/**
 * Lab 10's question, measured: the payment step slowed down, orders at a fixed rate, and 1, 2, 4... consumers per
 * group (choreography) or activity slots (orchestration). For each setting: throughput, how much waits before the
 * slow step (consumer lag, or schedule-to-start), and p95 end to end.
 */
final class ScalingRun {
    static final String CHOREOGRAPHY = "choreography";
    static final String ORCHESTRATION = "orchestration";
    static final String LAG = "shop.kafka.consumer.group.lag";
    static final String SCHEDULE_TO_START = "temporal_activity_schedule_to_start_latency";

    private final String kafka;
    private final String temporal;
    private final long slowMillis;
    private final double rate;
    private final int orders;
    private final PrintWriter out;

    ScalingRun(String kafka, String temporal, long slowMillis, double rate, int orders, PrintWriter out) {
        this.kafka = kafka;
        this.temporal = temporal;
        this.slowMillis = slowMillis;
        this.rate = rate;
        this.orders = orders;
        this.out = out;
    }

    /** The styles that have a knob to turn: the direct flow has none. */
    static boolean scales(String impl) {
        return impl.equals(CHOREOGRAPHY) || impl.equals(ORCHESTRATION);
    }

    List<ScalingResult> run(FlowFactory factory, List<Integer> settings) throws InterruptedException {
        List<ScalingResult> results = new ArrayList<>();
        for (int setting : settings) {
            ScalingResult result = measure(factory, setting);
            out.println("    " + line(result));
            out.flush();
            results.add(result);
        }
        return results;
    }

    private ScalingResult measure(FlowFactory factory, int setting) throws InterruptedException {
        boolean choreography = factory.name().equals(CHOREOGRAPHY);
        Domain domain = new Domain(Catalog.demo(), Integer.MAX_VALUE / 2);
        domain.faults().apply(FaultSettings.none().withService(Service.PAYMENT,
                new FaultSettings.ServiceFaults(false, slowMillis, 0)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StepClock clock = new StepClock();
        Parallelism parallelism = choreography ? new Parallelism(setting, 0, 0) : new Parallelism(1, setting, 0);
        ShopContext context = new ShopContext(domain, registry, clock, kafka, temporal, Set.of(), parallelism);
        try (OrderFlow flow = factory.create(context)) {
            FlowBench bench = new FlowBench(flow, domain, clock, out);
            EventTopics topics = new EventTopics(ChoreographyFlowFactory.TOPIC_PREFIX);
            int working = choreography ? Math.min(setting, KafkaTopics.partitions(kafka, topics.events())) : setting;
            if (choreography) {
                GroupsSettled.await(kafka, ChoreographyFlow.SERVICES.stream().map(topics::group).toList(), working, 60_000);
            }
            bench.atRate(1, rate); // the groups have joined, the worker polls
            DoubleAccumulator maxLag = new DoubleAccumulator(Math::max, 0);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                Gauge lag = registry.find(LAG).tag("group", "payment").gauge();
                if (lag != null) {
                    maxLag.accumulate(lag.value());
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            Percentiles latency;
            try {
                latency = bench.atRate(orders, rate);
            } finally {
                sampler.shutdownNow();
            }
            double perSecond = orders / ((System.nanoTime() - start) / 1e9);
            if (choreography) {
                return new ScalingResult(factory.name(), "consumers per group", setting, working, perSecond,
                        latency.at(95), "max lag of the payment group (records)", maxLag.get(), Double.NaN, rate, slowMillis);
            }
            Timer waits = registry.find(SCHEDULE_TO_START).tag("activity_type", "Charge").timer();
            return new ScalingResult(factory.name(), "activity slots", setting, working, perSecond, latency.at(95),
                    "charge schedule-to-start (ms)", waits == null ? Double.NaN : waits.max(TimeUnit.MILLISECONDS),
                    waits == null ? Double.NaN : waits.mean(TimeUnit.MILLISECONDS), rate, slowMillis);
        }
    }

    static String line(ScalingResult r) {
        String waiting = Double.isNaN(r.waitingMean())
                ? String.format(Locale.ROOT, "%s %.0f", r.waitingWhat(), r.waitingMax())
                : String.format(Locale.ROOT, "%s mean %.0f, max %.0f", r.waitingWhat(), r.waitingMean(), r.waitingMax());
        return String.format(Locale.ROOT, "%-14s %2d %-20s %6.1f orders/s (capacity %.1f)  p95 %7.0f ms  %s%s", r.impl(),
                r.setting(), r.knob(), r.perSecond(), r.ideal(), r.p95Millis(), waiting,
                r.capped() ? "  (capped: only " + r.working() + " partitions, " + (r.setting() - r.working())
                        + " consumers of each group idle)" : "");
    }
}
