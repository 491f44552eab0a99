package shop.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code ./shop history ORDER_ID}: the order's workflow history, one line per event. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Print an orchestration order's workflow history as a running shop reads it from Temporal,",
                "condensed to one line per event: the event, when, and its activity, attempt or failure."})
final class HistoryCommand extends OrderTrailCommand {
    @Override
    void print(JsonNode entry, PrintWriter out) {
        JsonNode history = OrderTrail.require(entry, "history", "has no workflow history");
        Instant start = history.isEmpty() ? null : Instant.parse(history.get(0).path("time").asText());
        out.println(OrderTrail.headline(entry.path("order")) + ": " + history.size() + " history event"
                + (history.size() == 1 ? "" : "s") + (start == null ? "" : ", started " + start));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "AT", "EVENT", "DETAIL"});
        for (JsonNode event : history) {
            Duration at = Duration.between(start, Instant.parse(event.path("time").asText()));
            rows.add(new String[] {event.path("eventId").asText(), "+" + at.toMillis() + " ms", event.path("type").asText(),
                    event.path("detail").asText()});
        }
        Columns.print(out, rows);
    }
}
