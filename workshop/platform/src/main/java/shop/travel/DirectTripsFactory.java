package shop.travel;

public final class DirectTripsFactory implements TripFlowFactory {
    @Override
    public String name() {
        return DirectTrips.NAME;
    }

    @Override
    public TripFlow create(TripContext context) {
        return new DirectTrips(context.travel(), context.listener());
    }
}
