package shop.domain;

public final class CarrierUnavailable extends BusinessFailure {
    public CarrierUnavailable(String orderId) {
        super("no carrier available for order " + orderId);
    }

    @Override
    public String reason() {
        return "carrier-unavailable";
    }
}
