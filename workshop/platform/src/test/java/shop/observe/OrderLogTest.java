package shop.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import shop.domain.Domain;
import shop.domain.OrderLine;

/** A step of an order writes a log line that carries the order's id and, under a span, the trace id. */
class OrderLogTest {

    @TempDir
    Path dir;

    @Test
    void aStepUnderASpanLogsTheOrderIdAndTheTraceId() throws Exception {
        Path file = dir.resolve("orders.log");
        OrderLog.writeTo(file);
        Domain domain = Domain.demo();
        String orderId = "order-" + UUID.randomUUID();
        Span span = Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault()));   // a handler's or an activity's span
        try (Scope current = span.makeCurrent()) {
            domain.payments().charge(orderId + ":charge", orderId, "ada", 1299);
        }
        domain.inventory().reserve(orderId + ":reserve", orderId, List.of(new OrderLine("BOOK-1", 1, 1299)));

        List<String> lines = Files.readAllLines(file).stream().filter(line -> line.contains(orderId)).toList();
        assertThat(lines).as("lines of %s in %s", orderId, file).hasSize(2);
        assertThat(lines.get(0)).contains("shop.orders order=" + orderId + " trace=4bf92f3577b34da6a3ce929d0e0e4736",
                "payment charge: ok");
        assertThat(lines.get(1)).as("a step outside any span has no trace id")
                .contains("order=" + orderId + " - inventory reserve: ok").doesNotContain("trace=");
    }

    @Test
    void theIdsAreGoneOnceTheStepIsDone() {
        Domain domain = Domain.demo();
        domain.shipping().book("k", "order-done", "ada");
        assertThat(MDC.get(OrderLog.ORDER_ID)).isNull();
        assertThat(MDC.get(OrderLog.TRACE_ID)).isNull();
    }
}
