package shop.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The SKUs the shop sells and their prices. Unknown SKUs are rejected at the API. */
public final class Catalog {
    private final Map<String, Long> pricesCents;

    public Catalog(Map<String, Long> pricesCents) {
        this.pricesCents = Map.copyOf(pricesCents);
    }

    public static Catalog demo() {
        Map<String, Long> prices = new LinkedHashMap<>();
        prices.put("BOOK-1", 1_299L);
        prices.put("MUG-1", 899L);
        prices.put("TEE-1", 1_999L);
        prices.put("LAMP-1", 4_599L);
        prices.put("DESK-1", 24_900L);
        return new Catalog(prices);
    }

    public Optional<Long> priceCents(String sku) {
        return Optional.ofNullable(pricesCents.get(sku));
    }

    public Set<String> skus() {
        return pricesCents.keySet();
    }
}
