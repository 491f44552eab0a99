package shop.choreography.failures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import shop.choreography.events.OrderEvent;
import shop.choreography.handlers.Handler;

/**
 * An idempotent consumer: an event id seen before is handled once only. Event ids are stable (order id + type),
 * so a redelivered record and a re-published event look the same. The memory is bounded and lost on restart;
 * the stable idempotency keys passed to the domain services cover what it forgets.
 */
public final class SkipDuplicates implements Handler {
    private static final int REMEMBERED = 100_000;

    private final Handler handler;
    private final Set<String> handled = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public SkipDuplicates(Handler handler) {
        this.handler = handler;
    }

    @Override
    public List<OrderEvent> react(OrderEvent event) {
        // TODO 2: an event whose id this service has handled before does not reach the handler again, and gets no
        //   answer. It counts as handled only once the handler has returned: one that threw comes again and is tried
        //   again. `handled` is the memory; keep it safe if two threads use it at once.
        synchronized (handled) {
            if (handled.contains(event.eventId())) {
                return List.of();
            }
        }
        List<OrderEvent> answers = handler.react(event);
        synchronized (handled) {
            handled.add(event.eventId());
        }
        return answers;
        // end TODO 2
    }
}
