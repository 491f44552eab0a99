package shop.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import shop.flow.FlowFactory;

/** The flow implementations on the classpath, found through {@link ServiceLoader}. */
public final class Flows {
    /** The order flows are listed in when all run: the baseline first. */
    private static final List<String> PREFERRED = List.of("direct", "choreography", "orchestration");

    private Flows() {}

    public static Map<String, FlowFactory> available() {
        Map<String, FlowFactory> found = new LinkedHashMap<>();
        ServiceLoader.load(FlowFactory.class).forEach(factory -> found.put(factory.name(), factory));
        List<String> names = new ArrayList<>(found.keySet());
        names.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        Map<String, FlowFactory> sorted = new LinkedHashMap<>();
        names.forEach(name -> sorted.put(name, found.get(name)));
        return sorted;
    }

    /** The factories for these names, in this order; all if the list is empty. */
    public static List<FlowFactory> select(List<String> impls) {
        Map<String, FlowFactory> available = available();
        if (impls.isEmpty()) {
            return List.copyOf(available.values());
        }
        List<FlowFactory> chosen = new ArrayList<>();
        for (String impl : impls) {
            FlowFactory factory = available.get(impl);
            if (factory == null) {
                throw new IllegalArgumentException("unknown --impl \"" + impl + "\"; available: "
                        + String.join(", ", available.keySet()));
            }
            chosen.add(factory);
        }
        return chosen;
    }

    private static int rank(String name) {
        int index = PREFERRED.indexOf(name);
        return index < 0 ? PREFERRED.size() : index;
    }
}
