package shop.choreography.fraud;

import java.util.List;

import shop.choreography.events.OrderEvent;

/** What a service does when it sees a fraud event: the order events it publishes in answer (none if it does not care). */
@FunctionalInterface
public interface FraudReaction {
    FraudReaction NONE = event -> List.of();

    List<OrderEvent> react(FraudEvent event);
}
