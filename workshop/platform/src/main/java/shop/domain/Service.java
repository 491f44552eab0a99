package shop.domain;

import java.util.Locale;

/** The three domain services a flow coordinates. The name is what metrics and timelines show. */
public enum Service {
    PAYMENT, INVENTORY, SHIPPING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
