package shop.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import shop.domain.BusinessFailure;
import shop.domain.Service;

/**
 * Logs that join the story: while a domain service works on an order, in any flow (the direct flow's thread, a
 * Kafka handler, a Temporal activity), every log line carries the order's id and, when a span is current, the
 * trace id, as MDC keys {@code orderId} and {@code traceId} that the pattern in logback.xml prints. Each step
 * writes one line to the logger {@code shop.orders}: the shop keeps those in {@code .shop/orders.log}, so
 * {@code grep ORDER_ID .shop/orders.log} goes from a timeline or a trace to the log lines of the same order.
 */
public final class OrderLog {
    public static final String ORDER_ID = "orderId";
    public static final String TRACE_ID = "traceId";
    /** The pattern of every log line, set once in logback.xml. */
    private static final String PATTERN_PROPERTY = "SHOP_LOG_PATTERN";
    private static final Logger STEPS = LoggerFactory.getLogger("shop.orders");

    private OrderLog() {
    }

    /** Runs one step of an order with its ids on every log line, and logs the step's outcome. */
    public static <T> T step(String orderId, Service service, String step, Supplier<T> work) {
        String previousOrder = MDC.get(ORDER_ID);
        String previousTrace = MDC.get(TRACE_ID);
        MDC.put(ORDER_ID, orderId);
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            MDC.put(TRACE_ID, span.getTraceId());
        } else {
            MDC.remove(TRACE_ID);
        }
        try {
            T result = work.get();
            STEPS.info("{} {}: ok", service.id(), step);
            return result;
        } catch (BusinessFailure no) {
            STEPS.info("{} {}: {}", service.id(), step, no.reason());
            throw no;
        } catch (RuntimeException failed) {
            STEPS.info("{} {}: failed, {}", service.id(), step, failed.getMessage());
            throw failed;
        } finally {
            restore(ORDER_ID, previousOrder);
            restore(TRACE_ID, previousTrace);
        }
    }

    /** {@link #step(String, Service, String, Supplier)} for a step that returns nothing. */
    public static void step(String orderId, Service service, String step, Runnable work) {
        step(orderId, service, step, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Appends the steps' lines to this file from now on. Several processes (the shop, a service run on its own)
     * may share one file: prudent mode locks it for each line.
     */
    public static void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(context.getProperty(PATTERN_PROPERTY));
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("orders-file");
        appender.setFile(file.toString());
        appender.setPrudent(true);
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger steps = context.getLogger(STEPS.getName());
        steps.detachAppender("orders-file");
        steps.addAppender(appender);
        steps.setLevel(Level.INFO);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
