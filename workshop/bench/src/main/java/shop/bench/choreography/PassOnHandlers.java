package shop.bench.choreography;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import shop.choreography.events.OrderEvent;
import shop.choreography.events.OrderEvent.OrderCompleted;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.events.OrderEvent.PaymentCharged;
import shop.choreography.events.OrderEvent.ShipmentBooked;
import shop.choreography.events.OrderEvent.StockReserved;
import shop.choreography.flow.ChoreographyFlow;
import shop.choreography.flow.ChoreographyService;
import shop.choreography.handlers.Handler;
import shop.choreography.handlers.RecordProcessor;

/**
 * Handlers that do nothing but pass the order on: each service answers the event it waits for with the event the
 * real service would publish on success, at once, with no domain call, no deduplication, no retry, no dead letter.
 */
final class PassOnHandlers {
    private static final Clock CLOCK = Clock.systemUTC();

    /** The services' reactions: the same loops, producers and groups as the flow, with these handlers inside. */
    static final ChoreographyService.Reactions REACTIONS = (service, context, topics, publisher) ->
            new ChoreographyService.Reacting(RecordProcessor.decoding(of(service)), () -> {});

    private PassOnHandlers() {}

    static Handler of(String service) {
        return switch (service) {
            case "payment" -> event -> event instanceof OrderPlaced placed
                    ? List.of(new PaymentCharged(id(placed, PaymentCharged.class), placed.orderId(), now(), now(),
                            placed.customer(), placed.lines(), placed.totalCents()))
                    : List.of();
            case "inventory" -> event -> event instanceof PaymentCharged charged
                    ? List.of(new StockReserved(id(charged, StockReserved.class), charged.orderId(), now(), now(),
                            charged.customer()))
                    : List.of();
            case "shipping" -> event -> event instanceof StockReserved reserved
                    ? List.of(new ShipmentBooked(id(reserved, ShipmentBooked.class), reserved.orderId(), now(), now(),
                            "track-" + reserved.orderId()))
                    : List.of();
            case "order" -> event -> event instanceof ShipmentBooked booked
                    ? List.of(new OrderCompleted(id(booked, OrderCompleted.class), booked.orderId(), now()))
                    : List.of();
            default -> throw new IllegalArgumentException("no service \"" + service + "\"; there are " + ChoreographyFlow.SERVICES);
        };
    }

    private static String id(OrderEvent cause, Class<? extends OrderEvent> type) {
        return OrderEvent.idFor(cause.orderId(), type);
    }

    private static Instant now() {
        return CLOCK.instant();
    }
}
