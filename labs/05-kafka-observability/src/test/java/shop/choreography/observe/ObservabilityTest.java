package shop.choreography.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.api.ShopServer;
import shop.choreography.flow.ChoreographyFlow;
import shop.choreography.flow.ChoreographyService;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.ShopContext;
import shop.lab.Todo;
import shop.metrics.OrderMetrics;
import shop.observe.Observability;
import shop.testkit.Labs;
import shop.testkit.Scrape;
import shop.testkit.SharedKafka;
import shop.testkit.ShopHttp;
import shop.testkit.Topics;

/**
 * Lab 05: the shop runs the choreography on a real broker behind its real HTTP API; every check reads a real
 * /metrics scrape, the records on the topic, or GET /orders/{id}.
 */
@ExtendWith(SharedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class ObservabilityTest {
    private static final String CHOREOGRAPHY = "impl=\"choreography\"";

    private final String prefix = "lab05-" + UUID.randomUUID() + ".";
    private PrometheusMeterRegistry registry;
    private OrderMetrics metrics;
    private Domain domain;
    private ChoreographyFlow flow;
    private ShopServer server;
    private ShopHttp shop;

    @BeforeAll
    void startShop() {
        FirstOpenTodo.ofTheChoreography("these tests run the choreography behind the shop's HTTP API");
        registry = Observability.newRegistry("shop");
        metrics = new OrderMetrics(registry);
        domain = Domain.demo();
        flow = new ChoreographyFlow(context(), prefix, Set.copyOf(ChoreographyFlow.SERVICES));
        server = ShopServer.start(domain, registry, List.of(flow), 0);
        shop = new ShopHttp(server.baseUrl());
    }

    @AfterAll
    void stopShop() {
        if (server != null) {
            server.close();
            flow.close();
        }
    }

    @BeforeEach
    void noFaults() {
        Todo.forget();
        domain.faults().reset();
    }

    @Test
    void todo2_lagGrowsWhileAServiceIsStoppedAndFallsWhenItIsBack() {
        String demo = "lab05-demo-" + UUID.randomUUID() + ".";
        ShopContext context = context();
        try (ChoreographyFlow withoutPayment = new ChoreographyFlow(context, demo, Set.of("order", "inventory", "shipping"))) {
            List<Order> orders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Order order = new Order("order-" + UUID.randomUUID(), "lab05", List.of(new OrderLine("MUG-1", 1, Domain.demo().catalog().priceCents("MUG-1").orElseThrow())));
                withoutPayment.place(order);
                orders.add(order);
            }
            String paymentLag = "group=\"" + demo + "payment\"";

            Labs.await("TODO 2: shop_kafka_consumer_group_lag{" + paymentLag + "} to reach 5 while payment is stopped")
                    .until(() -> shop.scrape().value("shop_kafka_consumer_group_lag", paymentLag).orElse(-1) == 5);
            assertThat(shop.scrape().require("shop_kafka_consumer_group_lag", "group=\"" + demo + "inventory\""))
                    .as("TODO 2: inventory is running and has read everything").isZero();

            try (ChoreographyService payment = new ChoreographyService("payment", context, demo)) {
                Labs.await("every order to complete once payment is back").until(() -> orders.stream().allMatch(order ->
                        withoutPayment.view(order.id()).map(view -> view.status().isFinal()).orElse(false)));
                Labs.await("TODO 2: the payment group's lag back to 0")
                        .until(() -> shop.scrape().require("shop_kafka_consumer_group_lag", paymentLag) == 0);
            }
        }
    }

    @Test
    void todo3_oneOrderIsOneTraceAcrossEveryService() {
        String id = placeAndFinish();

        List<ConsumerRecord<String, String>> records = Topics.read(SharedKafka.bootstrapServers(), flow.topics().events(),
                Integer.MAX_VALUE, Duration.ofSeconds(3)).stream().filter(record -> id.equals(record.key())).toList();

        assertThat(records).as("placed, charged, reserved, booked, completed").hasSize(5);
        List<TraceParent> traces = records.stream().map(record -> TraceParent.parse(header(record, TraceParent.HEADER))).toList();
        assertThat(traces).as("TODO 3: every event of the order carries a valid traceparent header").doesNotContainNull();
        assertThat(traces).extracting(TraceParent::traceId).as("TODO 3: one order, one trace id").containsOnly(traces.get(0).traceId());
        assertThat(traces).extracting(TraceParent::spanId).as("TODO 3: each hop is a span of its own").doesNotHaveDuplicates();
    }

    @Test
    void todo4_kafkaClientMetricsAreScraped() {
        placeAndFinish();

        Scrape scrape = shop.scrape();
        assertThat(scrape.lines("kafka_consumer_fetch_manager_records_consumed_total", "client_id=\"" + prefix + "payment-consumer\""))
                .as("TODO 4 (ObservedLoops.consumerCreated): the payment consumer's client metrics")
                .isNotEmpty();
        assertThat(scrape.lines("kafka_producer_record_send_total")).as("the producer's client metrics").isNotEmpty();
        assertThat(scrape.lines("kafka_consumer_fetch_manager_records_lag_max"))
                .as("TODO 4: the consumers' own view of how far behind they are").isNotEmpty();
    }

    @Test
    void todo5_theBusinessMetersCountChoreographyOrders() {
        double completed = value("shop_orders_completed_total", CHOREOGRAPHY);

        for (int i = 0; i < 3; i++) {
            placeAndFinish();
        }

        Scrape scrape = shop.scrape();
        assertThat(scrape.value("shop_orders_completed_total", CHOREOGRAPHY).orElse(0) - completed)
                .as("TODO 5 (MetricsBridge.finished): shop_orders_completed_total{impl=\"choreography\"} grows by one per order")
                .isEqualTo(3);
        assertThat(scrape.value("shop_order_duration_seconds_count", CHOREOGRAPHY, "status=\"COMPLETED\"").orElse(0))
                .as("TODO 5 (MetricsBridge.finished): the end-to-end duration, from \"order placed\" to \"order completed\"")
                .isGreaterThanOrEqualTo(3);
        for (String step : List.of("charge", "reserve", "book")) {
            assertThat(scrape.value("shop_step_duration_seconds_count", CHOREOGRAPHY, "step=\"" + step + "\"", "outcome=\"ok\"").orElse(0))
                    .as("TODO 5 (MetricsBridge.stepFinished): the " + step + " step is timed").isGreaterThanOrEqualTo(3);
        }
        assertThat(scrape.require("shop_orders_in_flight", CHOREOGRAPHY)).as("no order left in flight").isZero();
    }

    /** Going further (not part of the check): how long each record waited in the topic before a handler took it. */
    @Test
    @Tag("stretch")
    void stretch_theTimeARecordWaitedInTheTopicIsMeasuredPerGroup() {
        placeAndFinish();

        assertThat(shop.scrape().lines("shop_kafka_record_wait_seconds_count"))
                .as("stretch: a timer shop.kafka.record.wait per consumer group (tag group): from the record's timestamp to"
                        + " the moment its handler starts")
                .isNotEmpty();
    }

    @Test
    void theTimelineOfAFinishedOrderListsEveryServiceWithItsTimes() {
        String id = placeAndFinish();

        JsonNode order = shop.get("/orders/" + id).body();

        assertThat(order.get("impl").asText()).isEqualTo("choreography");
        List<String> steps = new ArrayList<>();
        for (JsonNode entry : order.get("timeline")) {
            steps.add(entry.get("service").asText() + ":" + entry.get("step").asText());
            Instant started = Instant.parse(entry.get("startedAt").asText());
            Instant finished = Instant.parse(entry.get("finishedAt").asText());
            assertThat(started).as("a step ends after it starts").isBeforeOrEqualTo(finished);
        }
        assertThat(steps).containsExactly("payment:charge", "inventory:reserve", "shipping:book");
    }

    private ShopContext context() {
        return new ShopContext(domain, registry, metrics, SharedKafka.bootstrapServers(), null);
    }

    private String placeAndFinish() {
        String id = shop.placeOrder("lab05", "BOOK-1", 1);
        Labs.await("order " + id + " to finish").until(() -> !"PENDING".equals(shop.get("/orders/" + id).body().get("status").asText()));
        return id;
    }

    private double value(String series, String... labels) {
        return shop.scrape().value(series, labels).orElse(0);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
