package shop.api;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.domain.Domain;
import shop.domain.Payments;
import shop.json.Json;

/**
 * Keeps a process split off the shop in the shop's reach. Every {@link #EVERY}, and right after each charge or refund,
 * it reports itself with {@code PUT /processes/{id}} ({@link ProcessRoutes}): where its meters are, the faults it runs
 * with, and the payments ledger entries the shop does not hold yet; the answer carries the shop's faults, which it
 * applies to its domain. One request does it all, so the orchestration worker needs no Kafka for it, and the shop
 * stays the one place where faults are set. While the shop can't be reached, the process keeps its faults and its
 * ledger and tries again. The ledger lives in the process: a kill -9 loses the entries not yet reported (those of
 * the last round trip) from the shop's view.
 */
public final class ShopLink implements AutoCloseable {
    public static final Duration EVERY = Duration.ofMillis(500);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ShopLink.class);

    private final String shopUrl;
    private final URI reportUri;
    private final Map<String, String> registration;
    private final Domain domain;
    private final Consumer<String> progress;
    private final ObjectMapper json = Json.mapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "shop-link");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean reportQueued = new AtomicBoolean();
    private int shopHolds;
    private Boolean reached;

    private ShopLink(String shopUrl, String id, Map<String, String> registration, Domain domain, Consumer<String> progress) {
        this.shopUrl = shopUrl;
        this.reportUri = URI.create(shopUrl + "/processes/" + id);
        this.registration = registration;
        this.domain = domain;
        this.progress = progress;
    }

    /**
     * Reports once (so the banner can say whether the shop was reached), then every {@link #EVERY}.
     *
     * @param shopUrl e.g. http://127.0.0.1:7070
     */
    public static ShopLink start(String shopUrl, String impl, String service, String metricsUrl, Domain domain,
                                 Consumer<String> progress) {
        String id = service + "-" + ProcessHandle.current().pid() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36); // a restart is a new process
        ShopLink link = new ShopLink(requireHttpUrl(shopUrl), id,
                Map.of("impl", impl, "service", service, "metricsUrl", metricsUrl), domain, progress);
        link.report();
        link.timer.scheduleWithFixedDelay(link::report, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        domain.payments().onLedgerEntry(link::reportSoon); // a kill -9 then loses at most the charges of one round trip
        return link;
    }

    private static String requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if ("http".equals(uri.getScheme()) && uri.getHost() != null && (uri.getPath() == null || uri.getPath().isEmpty())) {
                return url;
            }
        } catch (URISyntaxException malformed) {
            // refused below
        }
        throw new IllegalArgumentException("--shop: must be the shop's http URL, e.g. http://127.0.0.1:7070, was \"" + url + "\"");
    }

    private void reportSoon() {
        if (reportQueued.compareAndSet(false, true)) {
            try {
                timer.execute(() -> {
                    reportQueued.set(false);
                    report();
                });
            } catch (RejectedExecutionException closed) {
                // the process is stopping: nothing more to report
            }
        }
    }

    /** Sends what the shop lacks, in batches, and applies the shop's faults; never throws. */
    private void report() {
        try {
            List<Payments.Entry> batch;
            do {
                int from = shopHolds;
                batch = domain.payments().ledger(from, ProcessRoutes.MAX_ENTRIES_PER_REPORT);
                JsonNode answer = send(from, batch);
                domain.faults().apply(FaultsRequest.parse(answer.path("faults"), domain.catalog()));
                shopHolds = answer.path("ledgerHeld").asInt();
            } while (batch.size() == ProcessRoutes.MAX_ENTRIES_PER_REPORT);
            if (!Boolean.TRUE.equals(reached)) {
                progress.accept("shop " + shopUrl + (reached == null ? "" : " reached again") + ": its faults apply here,"
                        + " and it lists this process and its charges (" + shopUrl + "/processes, " + shopUrl + "/ledger)");
                reached = true;
            }
        } catch (RuntimeException | IOException e) {
            lost(e instanceof HttpTimeoutException ? "no answer within " + ANSWER_WITHIN.toSeconds() + " s"
                    : e instanceof IOException ? "no connection" : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode send(int from, List<Payments.Entry> batch) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(registration);
        body.put("faults", domain.faults().settings());
        body.put("ledgerFrom", from);
        body.put("ledger", batch);
        HttpRequest request = HttpRequest.newBuilder(reportUri).timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException notJson) {
            throw new IllegalStateException("it answered " + response.statusCode() + " without JSON: is it the shop?");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("it answered " + response.statusCode() + " to PUT " + reportUri.getPath()
                    + ": " + answer.path("error").asText("(no error message)"));
        }
        return answer;
    }

    private void lost(String why) {
        if (!Boolean.FALSE.equals(reached)) {
            progress.accept("shop " + shopUrl + " not reached (" + why + "): this process keeps its own faults (the "
                    + "last the shop sent, or none) and its charges, and tries again every " + EVERY.toMillis()
                    + " ms; start the shop, or give its address with --shop URL");
            reached = false;
        } else {
            log.debug("shop {} still not reached: {}", shopUrl, why);
        }
    }

    @Override
    public void close() {
        domain.payments().onLedgerEntry(() -> {});
        timer.shutdownNow();
    }
}
