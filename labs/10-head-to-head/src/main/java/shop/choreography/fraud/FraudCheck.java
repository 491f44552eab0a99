package shop.choreography.fraud;

import static shop.choreography.fraud.FraudEvent.idFor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.context.Context;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.fraud.FraudEvent.FraudCleared;
import shop.choreography.fraud.FraudEvent.FraudRejected;
import shop.choreography.fraud.FraudEvent.ReviewApproved;
import shop.choreography.fraud.FraudEvent.ReviewStarted;
import shop.choreography.handlers.Handler;
import shop.domain.OrderLine;
import shop.flow.FraudPolicy;
import shop.lab.Todo;

/**
 * The fraud-check service: the order is paid for, so check it. A small order is cleared at once; a big one is held
 * until a reviewer approves it or its review times out. It answers with fraud events, which it publishes itself.
 *
 * <p>What survives a restart: everything in the log. "Review started" carries the deadline, "review approved" waits
 * in the log until the service reads it, and the decisions are events too. What does not: the held orders and their
 * timers, which live in this object only. A new instance rebuilds them from the log ({@link ReviewRecovery}) before
 * it consumes anything; a deadline that passed while the service was down fires at once. Reading the whole log at
 * start is fine for a workshop; a real service would keep this state in a compacted topic or a state store.
 */
public final class FraudCheck implements Handler, FraudReaction, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FraudCheck.class);

    private record Hold(Instant startedAt, Instant deadline, String customer, List<OrderLine> lines) {}

    private final FraudPolicy policy;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Clock clock;
    private final Map<String, Hold> held = new ConcurrentHashMap<>();
    private final Set<String> decided = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fraud-review-timers");
        thread.setDaemon(true);
        return thread;
    });

    public FraudCheck(FraudPolicy policy, Producer<String, byte[]> producer, String topic, Clock clock,
                      ReviewRecovery.State recovered) {
        this.policy = policy;
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
        decided.addAll(recovered.decided());
        recovered.open().forEach((orderId, started) ->
                hold(orderId, new Hold(started.at(), started.deadline(), started.customer(), started.lines())));
    }

    /** Order events: only "payment charged" matters here. */
    @Override
    public List<OrderEvent> react(OrderEvent event) {
        if (event instanceof PaymentCharged charged) {
            check(charged);
        }
        return List.of();
    }

    /** Fraud events: only a reviewer's approval matters here. */
    @Override
    public List<OrderEvent> react(FraudEvent event) {
        if (event instanceof ReviewApproved approved) {
            approve(approved.orderId());
        }
        return List.of();
    }

    private void check(PaymentCharged charged) {
        String id = charged.orderId();
        if (decided.contains(id) || held.containsKey(id)) {
            return; // delivered again after a restart: already on its way
        }
        Instant now = clock.instant();
        if (!policy.needsReview(charged.amountCents())) {
            // TODO 2: a small order passes the check at once, and is decided.
            throw new Todo(2, "clear a small order at once");
            // end TODO 2
        }
        // TODO 3: a big order is held for review until its deadline. Write the hold to the log first (only the log
        //   survives a restart), then start its timer.
        throw new Todo(3, "hold a big order for review");
        // end TODO 3
    }

    /** The timer runs in the current trace (the order's), so a rejection continues it. */
    private void hold(String orderId, Hold hold) {
        held.put(orderId, hold);
        long delay = Math.max(0, Duration.between(clock.instant(), hold.deadline()).toMillis());
        timers.schedule(Context.current().wrap(() -> timeOut(orderId)), delay, TimeUnit.MILLISECONDS);
    }

    private void approve(String orderId) {
        // TODO 4: the reviewer said yes. The approval and the timer race for the hold: the first to take it decides,
        //   the other does nothing. An approval that could not be published must be read again, not lost.
        throw new Todo(4, "let an approved order through");
        // end TODO 4
    }

    private void timeOut(String orderId) {
        // TODO 5: the timer fired. Unless the approval came first, reject the order, with the policy's reason. A
        //   rejection that could not be published is never dropped: try again a little later.
        throw new Todo(5, "reject an order nobody approved in time");
        // end TODO 5
    }

    private void publish(FraudEvent event) {
        FraudCodec.publish(producer, topic, event);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
