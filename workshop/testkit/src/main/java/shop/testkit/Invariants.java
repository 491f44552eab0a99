package shop.testkit;

import java.util.Collection;
import java.util.List;

import shop.domain.Domain;
import shop.flow.Consistency;
import shop.flow.OrderView;

/**
 * What must hold for every order once it is final, whatever coordinated it (see {@link Consistency}).
 * {@link #violations} lists what is wrong, one line per problem.
 */
public final class Invariants {
    private Invariants() {}

    public static List<String> violations(Domain domain, Collection<OrderView> orders) {
        return Consistency.violations(domain, orders);
    }
}
