package shop.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.flow.OrderFlow;
import shop.flow.OrderView;

/**
 * Where GET /orders finds an order. The {@link OrderBook} knows the orders this process placed, and with which flow;
 * an order placed before a restart is known only to the flows (the choreography's events in Kafka, the workflows of
 * an external Temporal), so an id the book does not know is asked of every flow. A flow that cannot answer about one
 * order costs that order a 503, never the whole list.
 */
final class OrderLookup {
    private static final Logger log = LoggerFactory.getLogger(OrderLookup.class);

    private final Map<String, OrderFlow> flows;
    private final OrderBook book;
    private final BooleanSupplier stopping;

    /** @param stopping true once the shop is stopping: a flow closed under a request is not news then */
    OrderLookup(Map<String, OrderFlow> flows, OrderBook book, BooleanSupplier stopping) {
        this.flows = flows;
        this.book = book;
        this.stopping = stopping;
    }

    /** @throws ApiError 503 if a flow that may know the order could not answer now */
    Optional<OrderView> find(String id) {
        Optional<OrderBook.Placed> placed = book.find(id);
        if (placed.isPresent()) {
            OrderFlow flow = flows.get(placed.get().impl());
            try {
                return Optional.of(flow.view(id).orElseGet(placed.get()::pendingView));
            } catch (RuntimeException e) {
                throw unanswered(flow, id, e);
            }
        }
        return askEveryFlow(id, null);
    }

    /**
     * Before placing an order with a new id: the order of that id that a flow knows from before a restart, if any.
     * Only the flow that would place the order must answer; another flow that cannot (its server is down) must
     * not stop orders of this flow.
     */
    Optional<OrderView> placedBefore(String id, String impl) {
        return askEveryFlow(id, impl);
    }

    /** @param mustAnswer the flow whose failure to answer is a 503; null: any flow's */
    private Optional<OrderView> askEveryFlow(String id, String mustAnswer) {
        ApiError unanswered = null;
        for (OrderFlow flow : flows.values()) {
            try {
                Optional<OrderView> view = flow.view(id);
                if (view.isPresent()) {
                    return view;
                }
            } catch (RuntimeException e) {
                ApiError error = unanswered(flow, id, e);
                if (mustAnswer == null || mustAnswer.equals(flow.name())) {
                    unanswered = error;
                }
            }
        }
        if (unanswered != null) {
            throw unanswered;
        }
        return Optional.empty();
    }

    /** The recent orders whose flows answer; an order whose flow fails is left out (and logged), not the list. */
    List<OrderView> recent() {
        List<OrderView> views = new ArrayList<>();
        for (String id : book.recentIds()) {
            try {
                find(id).ifPresent(views::add);
            } catch (ApiError leftOut) {
                // logged by unanswered()
            }
        }
        return views;
    }

    private ApiError unanswered(OrderFlow flow, String id, RuntimeException e) {
        if (!stopping.getAsBoolean()) {
            log.warn("the {} flow could not answer about order {}", flow.name(), id, e);
        }
        return new ApiError(503, "id", "the " + flow.name() + " flow could not answer about order \"" + Printable.of(id)
                + "\" now; the shop's log has the details");
    }
}
