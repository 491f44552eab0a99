package shop.domain;

public final class PaymentDeclined extends BusinessFailure {
    public PaymentDeclined(String orderId) {
        super("card declined for order " + orderId);
    }

    @Override
    public String reason() {
        return "card-declined";
    }
}
