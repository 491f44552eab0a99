package shop.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import shop.domain.FaultSettings;
import shop.domain.Payments;

/**
 * The processes a part of a flow was split into ({@code ./shop run --service NAME}), as they report themselves to
 * the shop every {@link ShopLink#EVERY}: where their meters are, whether they run with the shop's faults, and their
 * payments ledger. A process that stops reporting stays listed, with its ledger: its charges happened.
 */
final class ProcessRegistry {
    static final int MAX_PROCESSES = 64;
    static final Duration GONE_AFTER = Duration.ofSeconds(3);

    record Registration(String impl, String service, String metricsUrl) {}

    private static final class Known {
        Registration registration;
        Instant firstSeen;
        Instant lastSeen;
        FaultSettings faults;
        final List<Payments.Entry> ledger = new ArrayList<>();
    }

    private final Map<String, Known> byId = new LinkedHashMap<>();

    /**
     * @param ledgerFrom the index in the process's ledger of {@code entries}' first
     * @return how many of the process's ledger entries the shop now holds: where its next report starts
     */
    synchronized int report(String id, Registration registration, FaultSettings faults, int ledgerFrom,
                            List<Payments.Entry> entries) {
        Known known = byId.get(id);
        if (known == null) {
            if (byId.size() >= MAX_PROCESSES) {
                throw new ApiError(429, "id", "id: the shop keeps at most " + MAX_PROCESSES + " processes, with their "
                        + "ledgers; restart the shop to forget the ones that are gone");
            }
            known = new Known();
            known.firstSeen = Instant.now();
            byId.put(id, known);
        }
        known.registration = registration;
        known.lastSeen = Instant.now();
        known.faults = faults;
        int held = known.ledger.size();
        if (ledgerFrom <= held) { // a gap (ledgerFrom > held) is refused: the answer tells the process where to resume
            known.ledger.addAll(entries.subList(Math.min(entries.size(), held - ledgerFrom), entries.size()));
        }
        return known.ledger.size();
    }

    /**
     * Every process that ever reported, in the order they first did.
     *
     * @param shopFaults the shop's faults now: a process runs with them once it reports them back
     */
    synchronized List<Map<String, Object>> list(FaultSettings shopFaults) {
        Instant now = Instant.now();
        List<Map<String, Object>> processes = new ArrayList<>();
        byId.forEach((id, known) -> {
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("id", id);
            process.put("impls", List.of(known.registration.impl()));
            process.put("service", known.registration.service());
            process.put("metricsUrl", known.registration.metricsUrl());
            process.put("alive", Duration.between(known.lastSeen, now).compareTo(GONE_AFTER) < 0);
            process.put("firstSeen", known.firstSeen);
            process.put("lastSeen", known.lastSeen);
            process.put("faultsInSync", known.faults.equals(shopFaults));
            process.put("ledgerEntries", known.ledger.size());
            processes.add(process);
        });
        return processes;
    }

    /** Each process's ledger entries, by id. */
    synchronized Map<String, List<Payments.Entry>> ledgers() {
        Map<String, List<Payments.Entry>> ledgers = new LinkedHashMap<>();
        byId.forEach((id, known) -> ledgers.put(id, List.copyOf(known.ledger)));
        return ledgers;
    }
}
