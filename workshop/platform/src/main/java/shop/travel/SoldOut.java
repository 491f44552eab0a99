package shop.travel;

import shop.domain.BusinessFailure;

/** No seat, room or car left: a definite "no", so the trip is rejected and what it booked is cancelled. */
public final class SoldOut extends BusinessFailure {
    private final TravelService service;

    public SoldOut(TravelService service, String item) {
        super(service.id() + " sold out: " + item);
        this.service = service;
    }

    @Override
    public String reason() {
        return service.id() + "-sold-out";
    }
}
