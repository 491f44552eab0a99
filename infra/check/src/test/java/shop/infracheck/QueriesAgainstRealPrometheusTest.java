package shop.infracheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.metrics.OrderMetrics;
import shop.observe.Observability;
import shop.run.Flows;
import shop.testkit.SharedKafka;
import shop.testkit.ShopHttp;

/**
 * The strongest check of the dashboards: a real shop runs all three flows (direct, the choreography on a real
 * broker, the orchestration on a real Temporal server) and takes orders with faults on, real Kafka clients move
 * records, a real Temporal worker runs workflows, the real prometheus scrapes it all with the repo's config and rules, and every panel's query
 * and every rule runs against it. A panel that would show "No data" fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedKafka.class)
class QueriesAgainstRealPrometheusTest {
    /** How a panel's description says that its meters appear late, or only in some runs. */
    static final Pattern LATE = Pattern.compile("\\bappears? (only|up to|once|after)\\b");
    private static final String[] SKUS = {"BOOK-1", "MUG-1", "TEE-1", "LAMP-1", "DESK-1"};

    private final List<OrderFlow> flows = new ArrayList<>();
    private EmbeddedTemporal temporalServer;
    private ShopServer shop;
    private PrometheusServer prometheus;
    private KafkaTraffic kafka;
    private TemporalTraffic temporal;
    private int placed;
    /** When the real shop had run alone, before the extra Kafka and Temporal traffic. */
    private Instant realShopOnly;

    @BeforeAll
    void shopTakesOrdersWhilePrometheusScrapesIt(@TempDir Path workDir) throws Exception {
        Binaries.require("prometheus");
        PrometheusMeterRegistry registry = Observability.newRegistry("shop");
        Domain domain = Domain.demo();
        temporalServer = EmbeddedTemporal.start(Ports.pickFree());
        ShopContext context = new ShopContext(domain, registry, new OrderMetrics(registry),
                SharedKafka.bootstrapServers(), temporalServer.target());
        for (FlowFactory factory : Flows.select(List.of())) {
            flows.add(factory.create(context));
        }
        assertThat(flows).extracting(OrderFlow::name).containsExactly("direct", "choreography", "orchestration");
        shop = ShopServer.start(domain, registry, flows, 0);
        prometheus = PrometheusServer.scraping("127.0.0.1:" + shop.port(), workDir);
        ShopHttp client = new ShopHttp(shop.baseUrl());

        // First the real shop alone, as after ./shop chaos: what its panels show is kept as of realShopOnly.
        // No declines yet, so each flow's order for the missing SKU (LAMP-1) surely fails at reserve and is
        // compensated (refund); carriers that say no add more. Then declined cards too.
        assertThat(client.put("/faults", "{\"declineRate\": 0.0, \"carrierUnavailableRate\": 0.2,"
                + " \"outOfStock\": [\"LAMP-1\"]}").status()).isEqualTo(200);
        placeOrders(client, 1);
        assertThat(client.put("/faults", "{\"declineRate\": 0.2, \"carrierUnavailableRate\": 0.2,"
                + " \"outOfStock\": [\"LAMP-1\"]}").status()).isEqualTo(200);
        placeOrders(client, 2);
        // The shop looks for its producers' and consumers' new per-topic meters every 5 s (KafkaMetersRefreshedOften),
        // not every minute.
        awaitScraped("the choreography producer's per-topic meters", "count(kafka_producer_topic_record_send_total)", 1);
        awaitScraped("the choreography consumers' per-topic meters",
                "count(kafka_consumer_fetch_manager_records_consumed_total{topic!=\"\"})", 1);
        System.gc(); // a real collection, so the GC panels have a pause to show
        awaitScraped("a GC pause", "sum(jvm_gc_pause_seconds_count)", 1);
        awaitScraped("the SLO rules to be evaluated", "count(impl:shop_order_slo_errors:ratio_rate6h)", 1);
        awaitScrapes(2); // so every rate() over the real shop's last meters has two samples
        // A failed scrape (a loaded machine) marks every gauge stale as of its start, which can be before "now" while
        // it runs: take the very moment of the last scrape, when it worked (every sample of a scrape has its time).
        // timestamp() of a plain selector is the sample's own time; of "up == 1" it would be the query's.
        String lastGoodScrape = "max(timestamp(up{job=\"shop\"}) and on() (up{job=\"shop\"} == 1))";
        double[] scrapedAt = new double[1];
        await("a successful scrape").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> (scrapedAt[0] = prometheus.sum(lastGoodScrape)) > 0);
        realShopOnly = Instant.ofEpochMilli(Math.round(scrapedAt[0] * 1000));

        // Then real Kafka clients and a Temporal worker add what the shop alone rarely does (dead letters, failed
        // and canceled workflows), so that every query can be checked against the names the clients emit.
        kafka = new KafkaTraffic(SharedKafka.bootstrapServers(), registry);
        temporal = new TemporalTraffic(registry);
        for (int batch = 3; batch <= 5; batch++) {
            placeOrders(client, batch);
            kafka.sendAndConsumeSome(20);
            temporal.runOneOfEach(batch);
        }
        awaitScrapes(2);
    }

    private void placeOrders(ShopHttp client, int batch) {
        for (int i = 0; i < 15; i++) {
            String impl = flows.get(i % flows.size()).name();
            assertThat(client.post("/orders", "{\"impl\":\"" + impl + "\",\"customer\":\"customer-" + i
                    + "\",\"lines\":[{\"sku\":\"" + SKUS[(batch + i) % SKUS.length] + "\",\"quantity\":1}]}")
                    .status()).isEqualTo(201);
            placed++;
        }
        client.post("/orders", "{\"customer\": \"\"}");
        client.get("/orders/no-such-order");
        awaitScraped("batch " + batch + " of orders", "sum(shop_order_duration_seconds_count)", placed);
    }

    private void awaitScrapes(int more) {
        String scrapes = "sum(count_over_time(up{job=\"shop\"}[10m]))";
        double target = prometheus.sum(scrapes) + more;
        awaitScraped(more + " more scrapes", scrapes, target);
    }

    /** Generous: under a load average far above 20 the flows take long to finish their first orders. */
    private void awaitScraped(String what, String expr, double atLeast) {
        await(what + " to be scraped").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> prometheus.sum(expr) >= atLeast);
    }

    @Test
    void everyDashboardQueryParsesAndReturnsDataWhereTheCheckProducesIt() {
        List<DashboardQuery> queries = Dashboards.queries();
        assertThat(queries).as("queries found in infra/grafana/dashboards").hasSizeGreaterThan(40);
        assertThat(problems(queries)).as("dashboard queries that fail or would show \"No data\"").isEmpty();
    }

    /**
     * With the real shop alone (its three flows, faults on), every panel holds data, except where the meters cannot
     * exist yet; such a panel says so in its description ("appear ...").
     */
    @Test
    void everyPanelHoldsDataWithTheRealShopAloneOrSaysWhyNot() {
        List<String> empty = new ArrayList<>();
        Map<String, String> descriptions = Dashboards.descriptionsByQuery();
        for (DashboardQuery query : Dashboards.queries()) {
            if (!query.expectsDataFromTheCheck() || LATE.matcher(descriptions.getOrDefault(query.expr(), "")).find()) {
                continue;
            }
            if (prometheus.query(query.asGrafanaSends(), realShopOnly).resultCount() == 0) {
                empty.add(query.where() + "\n    " + query.expr());
            }
        }
        assertThat(empty).as("panels empty with the real shop alone, whose description does not say why").isEmpty();
    }

    /** The "handling per service" panels group the step meters by their service tag; every flow must set it. */
    @Test
    void everyFlowsStepMetersNameTheServiceThatRanTheStep() {
        for (OrderFlow flow : flows) {
            String steps = "shop_step_duration_seconds_count{impl=\"" + flow.name() + "\"}";
            List<String> services = new ArrayList<>();
            prometheus.labelValues("service", steps).data().forEach(value -> services.add(value.asText()));
            assertThat(services).as("service tag values of " + steps)
                    .containsExactlyInAnyOrder("payment", "inventory", "shipping");
        }
    }

    @Test
    void everyRuleParsesAndTheShopRecordingRulesReturnData() {
        List<DashboardQuery> queries = new ArrayList<>();
        for (Rules.Rule rule : Rules.all()) {
            // An alert's expression returns nothing while it does not fire: only parsing is checked.
            queries.add(rule.alert() ? new DashboardQuery(rule.asQuery().where(), rule.expr() + " or vector(0)", false)
                    : rule.asQuery());
        }
        assertThat(problems(queries)).as("rule expressions that fail or return nothing").isEmpty();
    }

    @Test
    void prometheusLoadedEveryRuleGroupAndEvaluatedThemWithoutErrors() {
        PrometheusServer.Answer rules = prometheus.rules();
        assertThat(rules.success()).as("GET /api/v1/rules").isTrue();
        List<String> groups = new ArrayList<>();
        List<String> unhealthy = new ArrayList<>();
        for (JsonNode group : rules.data().path("groups")) {
            groups.add(group.path("name").asText());
            for (JsonNode rule : group.path("rules")) {
                if (!"ok".equals(rule.path("health").asText())) {
                    unhealthy.add(rule.path("name").asText() + ": " + rule.path("lastError").asText());
                }
            }
        }
        assertThat(groups).as("rule groups Prometheus loaded").hasSizeGreaterThanOrEqualTo(Rules.files().size());
        assertThat(unhealthy).as("rules whose last evaluation failed").isEmpty();
    }

    @Test
    void everyDashboardVariableHasValues() {
        List<String> problems = new ArrayList<>();
        Dashboards.variableQueries().forEach((where, definition) -> {
            var call = java.util.regex.Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)").matcher(definition);
            if (!call.matches()) {
                problems.add(where + ": only label_values(metric, label) is checked, was " + definition);
            } else if (prometheus.labelValues(call.group(2), call.group(1)).data().size() == 0) {
                problems.add(where + ": " + definition + " has no values");
            }
        });
        assertThat(problems).isEmpty();
    }

    private PrometheusServer.Answer afterTheNextScrape(DashboardQuery query) {
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                    .until(() -> prometheus.query(query.asGrafanaSends()).resultCount() > 0);
        } catch (org.awaitility.core.ConditionTimeoutException stillEmpty) {
            // reported below
        }
        return prometheus.query(query.asGrafanaSends());
    }

    private List<String> problems(List<DashboardQuery> queries) {
        List<String> problems = new ArrayList<>();
        for (DashboardQuery query : queries) {
            PrometheusServer.Answer answer = prometheus.query(query.asGrafanaSends());
            if (answer.success() && answer.resultCount() == 0 && query.expectsDataFromTheCheck()) {
                answer = afterTheNextScrape(query); // a gauge whose last scrape failed (a loaded machine) is stale
            }
            if (!answer.success()) {
                problems.add(query.where() + ": " + answer.error() + "\n    " + query.expr());
            } else if (query.expectsDataFromTheCheck() && answer.resultCount() == 0) {
                problems.add(query.where() + ": no data although the check produced its meters\n    " + query.expr());
            }
        }
        return problems;
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (temporal != null) {
            temporal.close();
        }
        if (shop != null) {
            shop.close();
        }
        flows.forEach(OrderFlow::close);
        if (temporalServer != null) {
            temporalServer.close();
        }
    }
}
