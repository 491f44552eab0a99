package shop.choreography.failures;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.handlers.Handler;
import shop.choreography.handlers.InventoryHandler;
import shop.choreography.handlers.LoopHooks;
import shop.choreography.handlers.HandlerLoop;
import shop.choreography.handlers.OrderDecider;
import shop.choreography.handlers.PaymentHandler;
import shop.choreography.handlers.RecordProcessor;
import shop.choreography.handlers.ShippingHandler;
import shop.domain.Catalog;
import shop.domain.Domain;

/**
 * The four services of lab 03, each with its compensation, and every one idempotent, retrying and dead-lettering;
 * amounts checked against the catalogue ({@link CatalogueCheck}), and what was answered before a crash not done
 * again ({@link AnsweredBeforeCrash}).
 */
public final class ResilientServices {
    public static final String ORDER = "order";
    public static final String PAYMENT = "payment";
    public static final String INVENTORY = "inventory";
    public static final String SHIPPING = "shipping";

    private ResilientServices() {}

    /** Each service's handler, by service name, in the order of the flow. */
    public static Map<String, Handler> handlers(Domain domain, Clock clock) {
        Map<String, Handler> handlers = new LinkedHashMap<>();
        handlers.put(ORDER, Handler.all(new OrderDecider(clock), new OrderCompensation(clock)));
        handlers.put(PAYMENT, Handler.all(new PaymentHandler(domain.payments(), clock),
                new PaymentCompensation(domain.payments(), clock)));
        handlers.put(INVENTORY, Handler.all(new InventoryHandler(domain.inventory(), clock),
                new InventoryCompensation(domain.inventory(), clock)));
        handlers.put(SHIPPING, new ShippingHandler(domain.shipping(), clock));
        return handlers;
    }

    /** Duplicates skipped, transient failures retried, poison records dead-lettered. */
    public static RecordProcessor resilient(Handler handler, EventPublisher publisher, EventTopics topics, String group) {
        Handler safe = new SkipDuplicates(new RetryWithBackoff(handler, RetryWithBackoff.PATIENT));
        return new DeadLetters(RecordProcessor.decoding(safe), publisher.producer(), topics.deadLetters(), group);
    }

    /** The same, and an event whose amount is not the catalogue's is dead-lettered before the handler sees it. */
    public static RecordProcessor resilient(Handler handler, Catalog catalog, EventPublisher publisher,
                                            EventTopics topics, String group) {
        Handler safe = new CatalogueCheck(catalog, new SkipDuplicates(new RetryWithBackoff(handler, RetryWithBackoff.PATIENT)));
        return new DeadLetters(RecordProcessor.decoding(safe), publisher.producer(), topics.deadLetters(), group);
    }

    /** Starts one service's consumer loop. */
    public static HandlerLoop start(String service, Domain domain, Clock clock, String bootstrapServers,
                                    EventTopics topics, EventPublisher publisher, LoopHooks hooks) {
        Handler handler = handlers(domain, clock).get(service);
        if (handler == null) {
            throw new IllegalArgumentException("no service \"" + service + "\"; there are " + handlers(domain, clock).keySet());
        }
        String group = topics.group(service);
        RecordProcessor processor = AnsweredBeforeCrash.recover(
                resilient(handler, domain.catalog(), publisher, topics, group), bootstrapServers, topics.events(), group);
        return new HandlerLoop(bootstrapServers, group, topics.events(), processor, publisher,
                AnsweredBeforeCrash.marking(hooks, group));
    }
}
