package shop.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.domain.Payments;

/**
 * What the shop knows of the processes split off it ({@code ./shop run --service NAME}), as JSON for people, tests
 * and the console:
 * <ul>
 *   <li>{@code PUT /processes/{id}}: a process reports itself ({@link ShopLink} does, every half second); the answer
 *       carries the shop's faults, which the process then applies;</li>
 *   <li>{@code GET /processes}: the shop and every process that reported, with its /metrics URL, whether it is
 *       alive and runs with the shop's faults;</li>
 *   <li>{@code GET /ledger}: the payments ledgers of them all, summed ({@link CombinedLedger});
 *       {@code GET /ledger/{orderId}}: one order's charges and refunds, each with the process that made it.</li>
 * </ul>
 */
final class ProcessRoutes {
    static final int MAX_ENTRIES_PER_REPORT = 200;
    static final String SHOP_ID = "shop";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    private static final int MAX_TEXT = 200;

    private final ProcessRegistry registry = new ProcessRegistry();
    private final Domain domain;
    private final Set<String> flows;
    private final Supplier<String> baseUrl;

    private ProcessRoutes(Domain domain, Set<String> flows, Supplier<String> baseUrl) {
        this.domain = domain;
        this.flows = flows;
        this.baseUrl = baseUrl;
    }

    static void register(RoutesConfig routes, Domain domain, Set<String> flows, Supplier<String> baseUrl) {
        ProcessRoutes processes = new ProcessRoutes(domain, flows, baseUrl);
        routes.put("/processes/{id}", processes::report);
        routes.get("/processes", ctx -> ctx.json(Map.of("processes", processes.list())));
        routes.get("/ledger", ctx -> ctx.json(processes.ledger().summary()));
        routes.get("/ledger/{orderId}", ctx -> ctx.json(processes.ledger().order(ctx.pathParam("orderId"))));
    }

    private void report(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches() || id.equals(SHOP_ID)) {
            throw ApiError.badField("id", "must be 1 to 80 letters, digits, '.', '_' or '-', and not \"" + SHOP_ID
                    + "\", was \"" + Printable.of(id) + "\"");
        }
        JsonFields body = JsonFields.of(JsonBody.read(ctx.bodyAsBytes()), "", "a JSON object reporting a process");
        body.allowOnly(Set.of("impl", "service", "metricsUrl", "faults", "ledgerFrom", "ledger"),
                "a report has impl, service, metricsUrl, faults, ledgerFrom and ledger");
        ProcessRegistry.Registration registration = new ProcessRegistry.Registration(shortText(body, "impl"),
                shortText(body, "service"), metricsUrl(body));
        FaultSettings faults = reportedFaults(body.required("faults", "the fault settings the process runs with"));
        int ledgerFrom = (int) JsonFields.wholeNumber(body.required("ledgerFrom", "a whole number"), "ledgerFrom", 0,
                Integer.MAX_VALUE);
        int held = registry.report(id, registration, faults, ledgerFrom, entries(body.required("ledger",
                "an array of ledger entries")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("faults", domain.faults().settings());
        answer.put("ledgerHeld", held);
        ctx.json(answer);
    }

    private FaultSettings reportedFaults(JsonNode faults) {
        try {
            return FaultsRequest.parse(faults, domain.catalog());
        } catch (ApiError e) {
            boolean whole = e.field() == null || e.field().equals("body");
            String message = e.getMessage();
            throw new ApiError(400, whole ? "faults" : "faults." + e.field(),
                    whole ? "faults" + message.substring(Math.max(0, message.indexOf(':'))) : "faults." + message);
        }
    }

    private static List<Payments.Entry> entries(JsonNode ledger) {
        if (!ledger.isArray() || ledger.size() > MAX_ENTRIES_PER_REPORT) {
            throw ApiError.badField("ledger", "must be an array of at most " + MAX_ENTRIES_PER_REPORT + " entries");
        }
        List<Payments.Entry> entries = new ArrayList<>();
        for (int i = 0; i < ledger.size(); i++) {
            String at = "ledger[" + i + "]";
            JsonFields entry = JsonFields.of(ledger.get(i), at, "an object with kind, key, orderId and amountCents");
            entry.allowOnly(Set.of("kind", "key", "orderId", "amountCents"), "an entry has kind, key, orderId and amountCents");
            String kind = shortText(entry, "kind");
            if (!kind.equals("charge") && !kind.equals("refund")) {
                throw ApiError.badField(at + ".kind", "must be \"charge\" or \"refund\", was \"" + Printable.of(kind) + "\"");
            }
            entries.add(new Payments.Entry(kind, shortText(entry, "key"), shortText(entry, "orderId"),
                    JsonFields.wholeNumber(entry.required("amountCents", "a whole number"), entry.at("amountCents"), 0,
                            Long.MAX_VALUE)));
        }
        return entries;
    }

    private static String shortText(JsonFields fields, String name) {
        String text = fields.requiredText(name);
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw ApiError.badField(fields.at(name), "must be 1 to " + MAX_TEXT + " characters long");
        }
        return text;
    }

    /** Only an http URL with a host: the console may show it as a link. */
    private static String metricsUrl(JsonFields body) {
        String url = shortText(body, "metricsUrl");
        try {
            URI uri = new URI(url);
            if ("http".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
                return url;
            }
        } catch (URISyntaxException malformed) {
            // refused below
        }
        throw ApiError.badField("metricsUrl", "must be an http URL with a host and a port, e.g. "
                + "http://127.0.0.1:7071/metrics, was \"" + Printable.of(url) + "\"");
    }

    private List<Map<String, Object>> list() {
        Map<String, Object> shop = new LinkedHashMap<>();
        shop.put("id", SHOP_ID);
        shop.put("impls", List.copyOf(flows));
        shop.put("service", SHOP_ID);
        shop.put("metricsUrl", baseUrl.get() + "/metrics");
        shop.put("alive", true);
        shop.put("faultsInSync", true);
        shop.put("ledgerEntries", shopLedger().size());
        List<Map<String, Object>> processes = new ArrayList<>(List.of(shop));
        processes.addAll(registry.list(domain.faults().settings()));
        return processes;
    }

    private CombinedLedger ledger() {
        Map<String, List<Payments.Entry>> ledgers = new LinkedHashMap<>();
        ledgers.put(SHOP_ID, shopLedger());
        ledgers.putAll(registry.ledgers());
        return new CombinedLedger(ledgers);
    }

    private List<Payments.Entry> shopLedger() {
        return domain.payments().ledger(0, Integer.MAX_VALUE);
    }
}
