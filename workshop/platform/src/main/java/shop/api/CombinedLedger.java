package shop.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import shop.domain.Payments;

/**
 * The payments ledgers of the shop and of the processes split off it, read as one. An order charged under two
 * idempotency keys was charged twice by the flow. An order charged once per process under the same key was charged
 * again by a restarted process whose provider had forgotten its keys: a real provider remembers them, and would
 * have answered the repeat from memory.
 *
 * @param byProcess each process's ledger, by process id ("shop" for the shop's own)
 */
record CombinedLedger(Map<String, List<Payments.Entry>> byProcess) {
    static final int MAX_LISTED = 100;

    /** Totals, the orders charged twice (at most {@value #MAX_LISTED} listed) and what each process holds. */
    Map<String, Object> summary() {
        Map<String, Set<String>> keysByOrder = new HashMap<>();
        Map<String, Integer> chargesByOrder = new HashMap<>();
        long charges = 0, refunds = 0, chargedCents = 0, refundedCents = 0;
        List<Map<String, Object>> processes = new ArrayList<>();
        for (Map.Entry<String, List<Payments.Entry>> process : byProcess.entrySet()) {
            long processCharges = 0, processRefunds = 0;
            for (Payments.Entry entry : process.getValue()) {
                if (isCharge(entry)) {
                    processCharges++;
                    chargedCents += entry.amountCents();
                    keysByOrder.computeIfAbsent(entry.orderId(), id -> new HashSet<>()).add(entry.key());
                    chargesByOrder.merge(entry.orderId(), 1, Integer::sum);
                } else {
                    processRefunds++;
                    refundedCents += entry.amountCents();
                }
            }
            charges += processCharges;
            refunds += processRefunds;
            processes.add(fields("id", process.getKey(), "charges", processCharges, "refunds", processRefunds));
        }
        Set<String> twice = new TreeSet<>(), againUnderOneKey = new TreeSet<>();
        chargesByOrder.forEach((order, count) -> {
            int keys = keysByOrder.get(order).size();
            if (keys > 1) {
                twice.add(order);
            } else if (count > 1) {
                againUnderOneKey.add(order);
            }
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ordersCharged", chargesByOrder.size());
        summary.put("charges", charges);
        summary.put("refunds", refunds);
        summary.put("chargedCents", chargedCents);
        summary.put("refundedCents", refundedCents);
        summary.put("chargedTwice", firstFew(twice));
        summary.put("chargedTwiceCount", twice.size());
        summary.put("chargedAgainUnderOneKey", firstFew(againUnderOneKey));
        summary.put("chargedAgainUnderOneKeyCount", againUnderOneKey.size());
        summary.put("processes", processes);
        return summary;
    }

    /** One order's charges and refunds, each with the process that made it. */
    Map<String, Object> order(String orderId) {
        List<Map<String, Object>> entries = new ArrayList<>();
        long charges = 0, chargedCents = 0, refundedCents = 0;
        for (Map.Entry<String, List<Payments.Entry>> process : byProcess.entrySet()) {
            for (Payments.Entry entry : process.getValue()) {
                if (!entry.orderId().equals(orderId)) {
                    continue;
                }
                if (isCharge(entry)) {
                    charges++;
                    chargedCents += entry.amountCents();
                } else {
                    refundedCents += entry.amountCents();
                }
                entries.add(fields("process", process.getKey(), "kind", entry.kind(), "key", entry.key(),
                        "amountCents", entry.amountCents()));
            }
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", orderId);
        order.put("charges", charges);
        order.put("chargedCents", chargedCents);
        order.put("refundedCents", refundedCents);
        order.put("entries", entries);
        return order;
    }

    /** Name, value, name, value...: a JSON object whose fields keep this order. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static boolean isCharge(Payments.Entry entry) {
        return entry.kind().equals("charge");
    }

    private static List<String> firstFew(Set<String> orders) {
        return orders.stream().limit(MAX_LISTED).toList();
    }
}
