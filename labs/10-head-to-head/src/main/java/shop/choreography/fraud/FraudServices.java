package shop.choreography.fraud;

import static shop.choreography.failures.ResilientServices.INVENTORY;
import static shop.choreography.failures.ResilientServices.ORDER;
import static shop.choreography.failures.ResilientServices.PAYMENT;
import static shop.choreography.failures.ResilientServices.SHIPPING;

import java.time.Clock;
import java.util.List;

import shop.choreography.failures.InventoryCompensation;
import shop.choreography.failures.OrderCompensation;
import shop.choreography.failures.PaymentCompensation;
import shop.choreography.handlers.Handler;
import shop.choreography.handlers.OrderDecider;
import shop.choreography.handlers.PaymentHandler;
import shop.choreography.handlers.ShippingHandler;
import shop.domain.Domain;
import shop.flow.FraudPolicy;
import shop.lab.Todo;

/** The five services of the choreography with the fraud check, and what each one listens to. */
public final class FraudServices {
    public static final String FRAUD = FraudPolicy.SERVICE;
    public static final List<String> SERVICES = List.of(ORDER, PAYMENT, FRAUD, INVENTORY, SHIPPING);

    /** A service's subscriptions: the order events it reacts to, and the fraud events it reacts to. */
    public record Subscriptions(Handler orderEvents, FraudReaction fraudEvents) {}

    private FraudServices() {}

    /** @param fraudCheck the fraud service's state; used only when {@code service} is "fraud" */
    public static Subscriptions subscriptions(String service, Domain domain, Clock clock, FraudCheck fraudCheck) {
        // TODO 1: say what each service listens to, as Subscriptions(order events, fraud events):
        //  order:     lab 03's OrderDecider and lab 04's OrderCompensation (Handler.all), no fraud events
        //  payment:   PaymentHandler and PaymentCompensation, and the fraud events of RefundRejectedReview (TODO 7)
        //  fraud:     the fraudCheck, for both ("payment charged" and "review approved")
        //  inventory: only InventoryCompensation among the order events (no more InventoryHandler: it reacted to
        //             "payment charged"), and the fraud events of ReserveAfterFraudCheck (TODO 6)
        //  shipping:  ShippingHandler, no fraud events
        //  anything else: IllegalArgumentException naming the SERVICES
        throw new Todo(1, "wire the five services and move inventory's subscription to \"fraud cleared\"");
        // end TODO 1
    }
}
