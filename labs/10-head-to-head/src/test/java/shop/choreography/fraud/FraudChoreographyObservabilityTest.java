package shop.choreography.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.EventCodec;
import shop.choreography.observe.ConsumerGroupLag;
import shop.choreography.observe.TraceParent;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ShopContext;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;
import shop.testkit.Topics;

/**
 * The fraud check keeps what lab 05 observes, because its flow is lab 05's flow with other parts: every record of an
 * order carries the order's trace (the fraud events too), the end-to-end timer is recorded in that trace (so its
 * exemplar links to it), and the producer's client metrics and each service's consumer lag are in the registry.
 */
@ExtendWith(SharedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FraudChoreographyObservabilityTest {
    private static final FraudPolicy POLICY = new FraudPolicy(Duration.ofSeconds(1));

    private final Domain domain = Domain.demo();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, String> traceOfFinishedOrder = new ConcurrentHashMap<>();
    private FraudChoreographyFlow flow;

    @BeforeAll
    void start() {
        FirstOpenTodo.ofTheFraudChoreography("these tests run the five services");
        OrderListener traceOfTheEnd = new OrderListener() {
            @Override
            public void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {
                traceOfFinishedOrder.put(order.id(), Span.current().getSpanContext().getTraceId());
            }
        };
        ShopContext context = new ShopContext(domain, registry, traceOfTheEnd, SharedKafka.bootstrapServers(), null);
        flow = new FraudChoreographyFlow(context, "fraud-observed-" + UUID.randomUUID() + ".", POLICY);
    }

    @AfterAll
    void stop() {
        if (flow != null) {
            flow.close();
        }
    }

    @Test
    void everyRecordOfAHeldOrderCarriesTheTraceOfTheRequestThatPlacedIt() {
        long price = domain.catalog().priceCents("DESK-1").orElseThrow();
        Order big = new Order("order-" + UUID.randomUUID(), "customer-traced", List.of(new OrderLine("DESK-1", 3, price)));
        TraceParent request = TraceParent.newTrace();
        SpanContext httpRequest = SpanContext.create(request.traceId(), request.spanId(), TraceFlags.getSampled(),
                TraceState.getDefault());
        try (Scope placing = Context.root().with(Span.wrap(httpRequest)).makeCurrent()) {
            flow.place(big);
        }

        Labs.await("the big order, not approved, to be rejected").until(() -> flow.view(big.id())
                .map(view -> view.status().isFinal()).orElse(false));
        OrderView done = flow.view(big.id()).orElseThrow();
        assertThat(done.reason()).isEqualTo(FraudPolicy.REJECTED_REASON);

        List<ConsumerRecord<String, String>> records = Topics.read(SharedKafka.bootstrapServers(), flow.topics().events(),
                6, Duration.ofSeconds(20)).stream().filter(record -> big.id().equals(record.key())).toList();
        assertThat(records).extracting(record -> header(record, EventCodec.TYPE_HEADER))
                .contains("OrderPlaced", "PaymentCharged", "ReviewStarted", "FraudRejected", "PaymentRefunded");
        assertThat(records).extracting(record -> TraceParent.parse(header(record, TraceParent.HEADER)))
                .as("every record carries a traceparent header, the fraud events too (FraudCodec)").doesNotContainNull()
                .extracting(TraceParent::traceId).as("one order, one trace: the request's").containsOnly(request.traceId());
        assertThat(traceOfFinishedOrder).as("the end-to-end timer is recorded in the order's trace: its exemplar links to it")
                .containsEntry(big.id(), request.traceId());
    }

    @Test
    void theProducersClientMetricsAndTheLagOfEveryServiceAreInTheRegistry() {
        Labs.await("the producers' client metrics").until(() -> !registry.find("kafka.producer.record.send.total").meters().isEmpty());
        for (String service : FraudServices.SERVICES) {
            assertThat(registry.find(ConsumerGroupLag.NAME).tag("group", flow.topics().group(service)).gauge())
                    .as("the consumer lag of the " + service + " service").isNotNull();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
