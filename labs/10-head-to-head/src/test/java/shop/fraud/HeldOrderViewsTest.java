package shop.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.fraud.FraudChoreographyFlow;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.FraudPolicy;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ReviewableFlow;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.orchestration.fraud.ReviewWorker;
import shop.orchestration.fraud.ReviewableOrchestrationFlow;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;

/**
 * "What you should see", run on your code: in each style, two orders over the limit are held; one is approved while
 * held, the other is left to time out. Writes their views to target/held-order-views.txt (times in seconds since the
 * order was placed). Tagged "watch": not part of the lab's check, run it by hand (the README's command).
 */
@Tag("watch")
@ExtendWith(SharedKafka.class)
class HeldOrderViewsTest {
    private static final FraudPolicy POLICY = new FraudPolicy(Duration.ofSeconds(2));
    private static final Path OUT = Path.of("target", "held-order-views.txt");

    @Test
    void aHeldOrderApprovedAndOneTimedOutInBothStyles() throws IOException {
        List<String> lines = new ArrayList<>();
        Domain choreographyDomain = Domain.demo();
        try (ReviewableFlow flow = new FraudChoreographyFlow(context(choreographyDomain, SharedKafka.bootstrapServers(), null),
                "fraud-views-" + UUID.randomUUID() + ".", POLICY)) {
            lines.addAll(watch("choreography", flow, choreographyDomain));
        }
        Domain orchestrationDomain = Domain.demo();
        try (EmbeddedTemporal temporal = EmbeddedTemporal.start(Ports.pickFree())) {
            ShopContext context = context(orchestrationDomain, null, temporal.target());
            try (ReviewWorker worker = ReviewWorker.start(context, OpenTelemetry.noop());
                 ReviewableFlow flow = ReviewableOrchestrationFlow.connect(context, POLICY, OpenTelemetry.noop())) {
                lines.addAll(watch("orchestration", flow, orchestrationDomain));
            }
        }
        Files.write(OUT, lines);
        lines.forEach(System.out::println);
    }

    private static ShopContext context(Domain domain, String kafka, String temporal) {
        return new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE, kafka, temporal);
    }

    private static List<String> watch(String style, ReviewableFlow flow, Domain domain) {
        Order approved = bigOrder(domain);
        Order leftAlone = bigOrder(domain);
        flow.place(approved);
        flow.place(leftAlone);
        OrderView held = awaitHeld(flow, approved);
        flow.approve(approved.id());
        OrderView completed = awaitFinal(flow, approved);
        OrderView timedOut = awaitFinal(flow, leftAlone);

        assertThat(completed.status()).as(style + ": the approved order").isEqualTo(OrderStatus.COMPLETED);
        assertThat(timedOut.status()).as(style + ": the order nobody approved").isEqualTo(OrderStatus.REJECTED);
        assertThat(timedOut.reason()).as(style + ": why it was rejected").isEqualTo(FraudPolicy.REJECTED_REASON);
        assertThat(timedOut.timeline()).extracting(entry -> entry.service() + "/" + entry.step())
                .as(style + ": the order nobody approved is refunded").contains("payment/refund");
        return List.of(style,
                "  held:          " + held.status() + ", current step " + held.currentStep() + "   " + timeline(held),
                "  approved:      " + completed.status() + "   " + timeline(completed),
                "  not approved:  " + timedOut.status() + " (" + timedOut.reason() + ", compensated "
                        + timedOut.compensated() + ")   " + timeline(timedOut),
                "");
    }

    private static Order bigOrder(Domain domain) {
        long price = domain.catalog().priceCents("DESK-1").orElseThrow();
        return new Order("order-" + UUID.randomUUID(), "customer-views", List.of(new OrderLine("DESK-1", 3, price)));
    }

    private static OrderView awaitHeld(ReviewableFlow flow, Order order) {
        Labs.await("the big order to be held for review").until(() -> flow.view(order.id())
                .map(view -> FraudPolicy.STEP.equals(view.currentStep())).orElse(false));
        return flow.view(order.id()).orElseThrow();
    }

    private static OrderView awaitFinal(ReviewableFlow flow, Order order) {
        Labs.await("the order to reach COMPLETED or REJECTED").until(() -> flow.view(order.id())
                .map(view -> view.status().isFinal()).orElse(false));
        return flow.view(order.id()).orElseThrow();
    }

    /** Each step as service/step, its start and end in seconds since the order was placed, and its outcome. */
    private static String timeline(OrderView view) {
        return view.timeline().stream().map(entry -> entry.service() + "/" + entry.step() + " "
                        + since(view.placedAt(), entry.startedAt()) + "-" + since(view.placedAt(), entry.finishedAt())
                        + " " + entry.outcome())
                .collect(Collectors.joining("  "));
    }

    private static String since(Instant placedAt, Instant at) {
        return at == null ? "..." : String.format(Locale.ROOT, "%.3f", Duration.between(placedAt, at).toNanos() / 1e9);
    }
}
