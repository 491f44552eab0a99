package shop.choreography.handlers;

import java.util.ArrayList;
import java.util.List;

import shop.choreography.events.OrderEvent;

/** What a service does when it sees an event: the events it publishes in answer (none if it does not care). */
@FunctionalInterface
public interface Handler {
    List<OrderEvent> react(OrderEvent event);

    /** One handler that asks each of these in turn and publishes all their answers. */
    static Handler all(Handler... handlers) {
        return event -> {
            List<OrderEvent> answers = new ArrayList<>();
            for (Handler handler : handlers) {
                answers.addAll(handler.react(event));
            }
            return answers;
        };
    }
}
