package shop.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import shop.travel.ShopTrips;
import shop.travel.TripContext;
import shop.travel.TripFlow;
import shop.travel.TripFlowFactory;

/**
 * The trip flows on the classpath, found through {@link ServiceLoader} like the order flows ({@link Flows}): the
 * shop runs a trip flow for each of its order flows that has one, in the same order.
 */
public final class TripFlows {
    private TripFlows() {}

    public static Map<String, TripFlowFactory> available() {
        Map<String, TripFlowFactory> found = new LinkedHashMap<>();
        ServiceLoader.load(TripFlowFactory.class).forEach(factory -> found.put(factory.name(), factory));
        return found;
    }

    /**
     * Starts the trip flows named like these order flows (those without one are left out); if one fails to start,
     * those already started are stopped.
     */
    public static ShopTrips start(List<String> orderFlows, TripContext context) {
        Map<String, TripFlowFactory> available = available();
        List<TripFlow> started = new ArrayList<>();
        try {
            for (String impl : orderFlows) {
                TripFlowFactory factory = available.get(impl);
                if (factory != null) {
                    started.add(factory.create(context));
                }
            }
        } catch (RuntimeException e) {
            started.forEach(TripFlow::close);
            throw e;
        }
        return new ShopTrips(context.travel().catalogue(), started);
    }
}
