package shop.choreography.handlers;

import java.util.Optional;

import shop.flow.OrderView;

/** "Where is my order?", answered from the events: {@link OrderProjection} (lab 10 has one that knows more events). */
public interface OrderViews extends AutoCloseable {
    Optional<OrderView> view(String orderId);

    @Override
    void close();
}
