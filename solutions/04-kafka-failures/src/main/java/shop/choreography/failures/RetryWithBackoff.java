package shop.choreography.failures;

import java.time.Duration;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.handlers.Handler;
import shop.domain.TransientFailure;
import shop.flow.Retry;

/**
 * Calls the handler again while it fails with a {@link TransientFailure}, waiting longer each time (20 ms, 40 ms,
 * ... up to 2 s). It does not give up: the event waits in the log, the consumer's lag shows it, and the order
 * goes on when the service is back. A business "no" is not retried: handlers turn it into an event.
 */
public final class RetryWithBackoff implements Handler {
    public static final Retry PATIENT = new Retry(Integer.MAX_VALUE, Duration.ofMillis(20), Duration.ofSeconds(2));

    private final Handler handler;
    private final Retry retry;

    public RetryWithBackoff(Handler handler, Retry retry) {
        this.handler = handler;
        this.retry = retry;
    }

    @Override
    public List<OrderEvent> react(OrderEvent event) {
        // TODO 1: a TransientFailure of the handler is tried again, after a pause that grows each time, as the policy
        //   `retry` decides (the platform's Retry has the loop and the pauses); any other answer or exception passes
        //   through.
        return retry.call(() -> handler.react(event));
        // end TODO 1
    }
}
