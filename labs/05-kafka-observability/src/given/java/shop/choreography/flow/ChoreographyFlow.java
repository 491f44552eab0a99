package shop.choreography.flow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.RecordMetadata;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.choreography.failures.ResilientServices;
import shop.choreography.handlers.OrderProjection;
import shop.choreography.handlers.OrderViews;
import shop.choreography.observe.ConsumerGroupLag;
import shop.choreography.observe.MetricsBridge;
import shop.choreography.observe.TraceParent;
import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderRecords;
import shop.flow.OrderView;
import shop.flow.ServiceControl;
import shop.flow.ShopContext;
import shop.observe.KafkaMetersRefreshedOften;

/**
 * The order flow as choreography on Kafka: {@link #place} publishes "order placed", the services react to each
 * other's events, and {@link #view} answers from the order service's projection of the events.
 */
public final class ChoreographyFlow implements OrderFlow, ServiceControl, OrderRecords {
    public static final String NAME = "choreography";
    public static final List<String> SERVICES = List.of(ResilientServices.ORDER, ResilientServices.PAYMENT,
            ResilientServices.INVENTORY, ResilientServices.SHIPPING);

    /**
     * What the choreography is made of. This lab's is {@link #LAB_05}; lab 10 passes its own parts (five services,
     * a fraud check among them, and a projection that knows its events) and keeps everything else of this class.
     *
     * @param services  the services in the order of the flow: one consumer group each, whose lag is measured
     * @param reactions what each service does with the records it reads
     * @param views     the order service's projection, which {@link #view} answers from
     */
    public record Parts(List<String> services, ChoreographyService.Reactions reactions, ViewsFactory views) {}

    /** Starts the order service's projection; it reports the steps and ends of the orders placed here to lab 01's meters. */
    @FunctionalInterface
    public interface ViewsFactory {
        OrderViews start(ShopContext context, EventTopics topics, Predicate<String> placedHere);
    }

    /** Lab 04's four services, and lab 03's projection reporting through {@link MetricsBridge}. */
    public static final Parts LAB_05 = new Parts(SERVICES, ChoreographyService.LAB_04, (context, topics, placedHere) ->
            new OrderProjection(context.kafkaBootstrapServers(), topics.events(), new MetricsBridge(context.listener(), placedHere)));

    private final ShopContext context;
    private final EventTopics topics;
    private final Set<String> servicesHere;
    private final Parts parts;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> placed = ConcurrentHashMap.newKeySet();
    private final EventPublisher publisher;
    private final KafkaClientMetrics producerMetrics;
    private final OrderViews projection;
    private final ConsumerGroupLag lag;
    private final Map<String, ChoreographyService> services = new LinkedHashMap<>();
    private final RecordLog records;

    public ChoreographyFlow(ShopContext context, String topicPrefix, Set<String> servicesHere) {
        this(context, topicPrefix, servicesHere, LAB_05);
    }

    /**
     * @param topicPrefix  keeps this flow's topics and groups apart from other flows on the same broker ("" in the shop)
     * @param servicesHere the services this process runs; the others run elsewhere ({@code run --service NAME})
     */
    public ChoreographyFlow(ShopContext context, String topicPrefix, Set<String> servicesHere, Parts parts) {
        this.context = context;
        this.topics = new EventTopics(topicPrefix);
        this.servicesHere = Set.copyOf(servicesHere);
        this.parts = parts;
        String bootstrap = context.kafkaBootstrapServers();
        TopicsAtStartup.create(topics, bootstrap);
        this.publisher = new EventPublisher(bootstrap, topics);
        this.producerMetrics = KafkaMetersRefreshedOften.of(publisher.producer());
        producerMetrics.bindTo(context.registry());
        this.projection = parts.views().start(context, topics, placed::contains);
        this.records = new RecordLog(bootstrap, topics.events());
        this.lag = new ConsumerGroupLag(bootstrap, topics.events(), parts.services().stream().map(topics::group).toList(),
                context.registry());
        try {
            startServices();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Returns once the broker has stored "order placed": from then on the order cannot be lost. */
    @Override
    public void place(Order order) {
        try {
            placeAsync(order).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while placing " + order.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            placed.remove(order.id());
            throw new IllegalStateException("could not publish \"order placed\" for " + order.id() + ": " + e.getMessage(), e);
        }
    }

    /** Publishes "order placed" without waiting for the broker (the benchmark places many orders at once). */
    public Future<RecordMetadata> placeAsync(Order order) {
        if (!placed.add(order.id())) {
            return CompletableFuture.completedFuture(null);
        }
        context.listener().placed(NAME, order);
        // the HTTP request's trace, if any: one trace per order from the request to the last handler
        return publisher.publish(OrderPlaced.of(order, clock.instant()), Map.of(TraceParent.HEADER, TraceParent.current().header()));
    }

    @Override
    public Optional<OrderView> view(String orderId) {
        return projection.view(orderId);
    }

    /** The order's records as the broker stored them (the console's choreography lane). */
    @Override
    public List<Entry> records(String orderId) {
        return records.of(orderId);
    }

    public EventTopics topics() {
        return topics;
    }

    /** The services this process runs: the console's "break it" stops one like a killed process. */
    @Override
    public List<String> stoppableServices() {
        return parts.services().stream().filter(servicesHere::contains).toList();
    }

    @Override
    public synchronized boolean isRunning(String service) {
        return services.containsKey(service);
    }

    @Override
    public synchronized void stop(String service) {
        ChoreographyService running = services.remove(here(service));
        if (running != null) {
            running.close();
        }
    }

    @Override
    public synchronized void start(String service) {
        services.computeIfAbsent(here(service), this::startService);
    }

    private String here(String service) {
        if (!stoppableServices().contains(service)) {
            throw new IllegalArgumentException("no service \"" + service + "\" runs here; these do: " + stoppableServices());
        }
        return service;
    }

    /** This flow's producer (its client metrics are in the registry), e.g. for lab 10's reviewer to publish with. */
    public EventPublisher publisher() {
        return publisher;
    }

    /** Stops this process's services, wherever they are in their work, and starts them again. */
    public synchronized void restartServices() {
        stopServices();
        startServices();
    }

    /** Each service here runs as it would in a process of its own: its consumer group and its own producer. */
    private synchronized void startServices() {
        for (String service : stoppableServices()) {
            services.put(service, startService(service));
        }
    }

    private ChoreographyService startService(String service) {
        return new ChoreographyService(service, context, topics.prefix(), parts.reactions());
    }

    private synchronized void stopServices() {
        List<ChoreographyService> running = new ArrayList<>(services.values());
        services.clear();
        running.forEach(ChoreographyService::close);
    }

    @Override
    public void close() {
        stopServices();
        projection.close();
        records.close();
        lag.close();
        producerMetrics.close();
        publisher.close();
    }
}
