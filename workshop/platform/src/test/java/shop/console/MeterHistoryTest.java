package shop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import shop.observe.MeterNames;
import shop.observe.Observability;
import shop.travel.TripMeters;

/** Rates and quantiles as Prometheus would compute them over the window, from the registry the shop scrapes. */
class MeterHistoryTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final PrometheusMeterRegistry registry = Observability.newRegistry("test");
    private final MeterHistory history = new MeterHistory(registry, now::get);

    @Test
    void aRateIsTheIncreaseOverTheWindowPerSecond() {
        Counter placed = Counter.builder(MeterNames.ORDERS_PLACED).tag(MeterNames.TAG_IMPL, "direct").register(registry);
        history.snapshot();
        for (int second = 1; second <= 12; second++) {
            placed.increment(5);
            now.addAndGet(1_000);
            history.snapshot();
        }

        List<Double> rates = series(history.snapshot(), "placed", "direct");

        assertThat(rates.get(0)).as("nothing to compare the first sample with").isNull();
        assertThat(rates.get(rates.size() - 1)).isCloseTo(5.0, within(1e-9));
        assertThat(rates).hasSize(13);
    }

    @Test
    void tripsAreChartedApartFromOrdersFromTheirOwnMeters() {
        TripMeters trips = new TripMeters(registry);
        history.snapshot();
        for (int second = 1; second <= 12; second++) {
            trips.placed("choreography");
            trips.placed("choreography");
            now.addAndGet(1_000);
            history.snapshot();
        }

        Map<String, Object> snapshot = history.snapshot();
        List<Double> placed = series(snapshot, "tripsPlaced", "choreography");

        assertThat(placed.get(placed.size() - 1)).isCloseTo(2.0, within(1e-9));
        assertThat(series(snapshot, "tripsRejected", "choreography")).last().isEqualTo(0.0);
        assertThat(((Map<?, ?>) ((Map<?, ?>) snapshot.get("series")).get("placed"))).as("a trip is not an order").isEmpty();
    }

    @Test
    void asManyAsAskTheRegistryIsReadAtMostOncePerSecond() {
        history.snapshot();
        now.addAndGet(300);
        history.snapshot();
        now.addAndGet(300);

        assertThat((List<?>) history.snapshot().get("at")).hasSize(1);
    }

    @Test
    void theHistoryKeepsTwoMinutes() {
        for (int i = 0; i < MeterHistory.POINTS + 30; i++) {
            history.snapshot();
            now.addAndGet(1_000);
        }
        assertThat((List<?>) history.snapshot().get("at")).hasSize(MeterHistory.POINTS);
    }

    @Test
    void p95AndP50ComeFromTheBucketsThatFilledDuringTheWindow() {
        Timer completed = Timer.builder(MeterNames.ORDER_DURATION)
                .tags(MeterNames.TAG_IMPL, "orchestration", MeterNames.TAG_STATUS, "COMPLETED")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        Counter.builder(MeterNames.ORDERS_PLACED).tag(MeterNames.TAG_IMPL, "orchestration").register(registry);
        for (int i = 0; i < 100; i++) {
            completed.record(Duration.ofSeconds(5)); // long ago: outside the window
        }
        history.snapshot();
        now.addAndGet(11_000);
        for (int i = 0; i < 90; i++) {
            completed.record(Duration.ofMillis(100));
        }
        for (int i = 0; i < 10; i++) {
            completed.record(Duration.ofMillis(400));
        }

        Map<String, Object> snapshot = history.snapshot();
        double p50 = last(series(snapshot, "p50", "orchestration"));
        double p95 = last(series(snapshot, "p95", "orchestration"));

        assertThat(p50).as("p50 near 100 ms, the 5 s orders are outside the window").isBetween(0.08, 0.12);
        assertThat(p95).isBetween(0.3, 0.45);
    }

    @Test
    void aQuantileIsNullWhenNoOrderFinishedInTheWindow() {
        Timer.builder(MeterNames.ORDER_DURATION).tags(MeterNames.TAG_IMPL, "direct", MeterNames.TAG_STATUS, "COMPLETED")
                .publishPercentileHistogram().register(registry).record(Duration.ofMillis(10));
        Counter.builder(MeterNames.ORDERS_PLACED).tag(MeterNames.TAG_IMPL, "direct").register(registry).increment();
        history.snapshot();
        now.addAndGet(11_000);

        assertThat(last(series(history.snapshot(), "p95", "direct"))).isNull();
    }

    @Test
    void inFlightAndLagAreReadAsTheyAre() {
        Counter.builder(MeterNames.ORDERS_PLACED).tag(MeterNames.TAG_IMPL, "choreography").register(registry);
        registry.gauge(MeterNames.ORDERS_IN_FLIGHT, Tags.of(MeterNames.TAG_IMPL, "choreography"), new AtomicInteger(7));
        registry.gauge(MeterHistory.GROUP_LAG, Tags.of("group", "payment", "topic", "order-events"), new AtomicInteger(12));

        Map<String, Object> snapshot = history.snapshot();

        assertThat(last(series(snapshot, "inFlight", "choreography"))).isEqualTo(7.0);
        assertThat(last(series(snapshot, "lag", "payment"))).isEqualTo(12.0);
    }

    @Test
    void theQuantileInterpolatesInsideTheBucketAsPrometheusDoes() {
        TreeMap<Double, Double> atMost = new TreeMap<>(Map.of(0.1, 50.0, 0.2, 90.0, 0.4, 100.0));

        assertThat(MeterHistory.quantile(0.5, atMost, 100)).isCloseTo(0.1, within(1e-9));
        assertThat(MeterHistory.quantile(0.7, atMost, 100)).isCloseTo(0.15, within(1e-9));
        assertThat(MeterHistory.quantile(0.95, atMost, 100)).isCloseTo(0.3, within(1e-9));
        assertThat(MeterHistory.quantile(0.99, atMost, 200)).as("beyond the last bucket: its bound").isEqualTo(0.4);
        assertThat(MeterHistory.quantile(0.5, atMost, 0)).isNull();
    }

    @SuppressWarnings("unchecked")
    private static List<Double> series(Map<String, Object> snapshot, String chart, String name) {
        return ((Map<String, Map<String, List<Double>>>) snapshot.get("series")).get(chart).get(name);
    }

    private static Double last(List<Double> values) {
        return values.get(values.size() - 1);
    }
}
