package shop.choreography.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.lab.Todo;

/** Lab 05, TODO 1: the W3C trace context, on its own. */
class TraceParentTest {
    @BeforeEach
    void forgetEarlierTodos() {
        Todo.forget();
    }

    @Test
    void todo1_aChildSpanStaysInTheSameTrace() {
        TraceParent root = TraceParent.newTrace();

        TraceParent child = root.child();

        assertThat(child.traceId()).as("TODO 1: a child keeps the trace id").isEqualTo(root.traceId());
        assertThat(child.spanId()).as("TODO 1: a child gets a new 16-hex-digit span id")
                .matches("[0-9a-f]{16}").isNotEqualTo(root.spanId());
    }

    @Test
    void todo1_theHeaderIsReadBack() {
        TraceParent trace = TraceParent.newTrace();

        assertThat(trace.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceParent.parse(trace.header())).as("TODO 1: parse(header()) gives the same trace back").isEqualTo(trace);
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .as("TODO 1: parse the W3C example")
                .isEqualTo(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"));
        assertThat(TraceParent.parse("not a traceparent")).as("TODO 1: garbage gives null").isNull();
        assertThat(TraceParent.parse(null)).as("TODO 1: no header gives null").isNull();
    }
}
