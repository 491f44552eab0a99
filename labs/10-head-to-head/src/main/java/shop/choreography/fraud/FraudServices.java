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
        // TODO 1: each service listens to two things, the order events and the new fraud events (Subscriptions).
        //   Every service keeps its handlers of labs 03 and 04, with two changes: inventory reserves once the fraud
        //   check has cleared an order, no longer once it is charged (TODO 6), and payment also refunds an order whose
        //   review was rejected (TODO 7). The fraud service is the fraudCheck, for both. An unknown service is an
        //   error.
        throw new Todo(1, "wire the five services and move inventory's subscription to \"fraud cleared\"");
        // end TODO 1
    }
}
