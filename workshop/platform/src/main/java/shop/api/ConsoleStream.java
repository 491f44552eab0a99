package shop.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.console.MeterHistory;
import shop.flow.OrderView;
import shop.json.Json;

/**
 * The console's live updates as server-sent events, {@code GET /console/stream?order=ID}: {@code meters} every
 * second (the charts), {@code orders} when the recent orders change, {@code journey} when the chosen order's journey
 * changes (every half second while it runs). One thread computes each update once for every console connected, and
 * only while one is; a console sends nothing back, and picks another order by opening a new stream. When the shop
 * stops, every stream is ended (the browser sees the end of the response, not an error).
 */
final class ConsoleStream implements AutoCloseable {
    static final long TICK_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(ConsoleStream.class);

    /** A connected console and what it was last sent, so an unchanged update is not sent again. */
    private static final class Subscriber {
        final SseClient client;
        final String order;
        final Map<String, String> lastSent = new HashMap<>();

        Subscriber(SseClient client, String order) {
            this.client = client;
            this.order = order;
        }
    }

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = Json.mapper();
    private final MeterHistory meters;
    private final Supplier<List<OrderView>> recent;
    private final Function<String, Optional<Map<String, Object>>> journeys;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "console-stream");
        thread.setDaemon(true);
        return thread;
    });
    private long ticks;
    private boolean ticking;

    /** @param journeys an order's journey (with its siblings), empty for an unknown order */
    ConsoleStream(MeterHistory meters, Supplier<List<OrderView>> recent,
                  Function<String, Optional<Map<String, Object>>> journeys) {
        this.meters = meters;
        this.recent = recent;
        this.journeys = journeys;
    }

    /** Javalin's SSE handler: validates the order id, then keeps the response open until either side closes it. */
    void connect(SseClient client) {
        String order = client.ctx().queryParam("order");
        if (order != null && !OrderRequest.ID.matcher(order).matches()) {
            client.sendEvent("problem", "{\"error\":\"order: 1 to 64 of A-Z a-z 0-9 . _ -\",\"field\":\"order\"}");
            client.close();
            return;
        }
        Subscriber subscriber = new Subscriber(client, order);
        client.keepAlive();
        client.onClose(() -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        startTicking();
        ticker.execute(() -> send(List.of(subscriber), true)); // the first picture at once, not after a tick
    }

    /** The first console starts the ticks: a shop nobody watches pays nothing. */
    private synchronized void startTicking() {
        if (!ticking && !ticker.isShutdown()) {
            ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            ticking = true;
        }
    }

    int connected() {
        return subscribers.size();
    }

    private void tick() {
        try {
            if (!subscribers.isEmpty()) {
                send(List.copyOf(subscribers), ++ticks % 2 == 0);
            }
        } catch (RuntimeException e) { // one bad tick must not end the updates (a scheduled task that throws stops)
            log.warn("the console's live updates failed this time", e);
        }
    }

    /** Sends what changed: the journeys every tick, the meters and the order list every other tick. */
    private void send(List<Subscriber> to, boolean everything) {
        Map<String, String> journeyJson = new HashMap<>();
        String metersJson = everything ? write(meters.snapshot()) : null;
        String ordersJson = everything ? write(recent.get()) : null;
        for (Subscriber subscriber : to) {
            if (subscriber.client.terminated()) {
                subscribers.remove(subscriber);
                continue;
            }
            if (everything) {
                sendIfChanged(subscriber, "meters", metersJson);
                sendIfChanged(subscriber, "orders", ordersJson);
            }
            if (subscriber.order != null) {
                sendIfChanged(subscriber, "journey", journeyJson.computeIfAbsent(subscriber.order, this::journeyJson));
            }
        }
    }

    private String journeyJson(String order) {
        try {
            return write(journeys.apply(order).orElseGet(() -> Map.of("id", order, "missing", true)));
        } catch (ApiError unanswered) { // a flow could not answer now; say so, and try again next tick
            return write(Map.of("id", order, "error", unanswered.getMessage()));
        }
    }

    private static void sendIfChanged(Subscriber subscriber, String event, String data) {
        if (!data.equals(subscriber.lastSent.put(event, data))) {
            subscriber.client.sendEvent(event, data);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the console's update could not be written as JSON", e);
        }
    }

    /** Ends every stream, so the server can stop without waiting for them. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscribers.forEach(subscriber -> subscriber.client.close());
        subscribers.clear();
    }
}
