package shop.api;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import shop.domain.Catalog;
import shop.domain.FaultSettings;
import shop.domain.FaultSettings.ServiceFaults;
import shop.domain.Service;

/**
 * Reads the body of PUT /faults, field by field. A field left out means "no fault"; the settings are replaced whole.
 * <pre>{"declineRate": 0.5, "carrierUnavailableRate": 0, "outOfStock": ["MUG-1"],
 *  "services": {"PAYMENT": {"down": false, "latencyMs": 200, "transientErrorRate": 0.1}}}</pre>
 * Service keys are matched in either case ("PAYMENT" or "payment"); errors name them as GET /faults shows them.
 */
final class FaultsRequest {
    static final long MAX_LATENCY_MS = 60_000;

    private FaultsRequest() {}

    static FaultSettings parse(JsonNode body, Catalog catalog) {
        JsonFields fields = JsonFields.of(body, "", "a JSON object of fault settings");
        fields.allowOnly(Set.of("declineRate", "carrierUnavailableRate", "outOfStock", "services"),
                "the settings are declineRate, carrierUnavailableRate, outOfStock and services");
        return new FaultSettings(
                fields.optionalRate("declineRate").orElse(0.0),
                fields.optionalRate("carrierUnavailableRate").orElse(0.0),
                fields.optional("outOfStock").map(skus -> skus(skus, catalog)).orElse(Set.of()),
                fields.optional("services").map(FaultsRequest::services).orElse(Map.of()));
    }

    private static Set<String> skus(JsonNode node, Catalog catalog) {
        if (!node.isArray()) {
            throw ApiError.badField("outOfStock", "must be an array of SKUs, was " + JsonFields.shown(node));
        }
        Set<String> skus = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "outOfStock[" + i + "]";
            String sku = JsonFields.text(node.get(i), at);
            if (catalog.priceCents(sku).isEmpty()) {
                throw ApiError.badField(at, "unknown SKU \"" + Printable.of(sku) + "\"; known: " + catalog.skus());
            }
            skus.add(sku);
        }
        return skus;
    }

    private static Map<Service, ServiceFaults> services(JsonNode node) {
        JsonFields.of(node, "services", "an object with PAYMENT, INVENTORY and SHIPPING");
        Map<Service, ServiceFaults> services = new EnumMap<>(Service.class);
        node.fields().forEachRemaining(entry -> {
            Service service = service(entry.getKey());
            if (services.containsKey(service)) {
                throw ApiError.badField("services." + service.name(), "given twice (keys match in either case)");
            }
            services.put(service, serviceFaults(entry.getValue(), "services." + service.name()));
        });
        return services;
    }

    private static Service service(String key) {
        try {
            return Service.valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ApiError.badField("services." + Printable.of(key), "unknown service; the services are PAYMENT, "
                    + "INVENTORY and SHIPPING");
        }
    }

    private static ServiceFaults serviceFaults(JsonNode node, String path) {
        JsonFields fields = JsonFields.of(node, path, "an object with down, latencyMs and transientErrorRate");
        fields.allowOnly(Set.of("down", "latencyMs", "transientErrorRate"),
                "a service's faults are down, latencyMs and transientErrorRate");
        return new ServiceFaults(
                fields.optionalBoolean("down").orElse(false),
                fields.optionalWholeNumber("latencyMs", 0, MAX_LATENCY_MS).orElse(0L),
                fields.optionalRate("transientErrorRate").orElse(0.0));
    }
}
