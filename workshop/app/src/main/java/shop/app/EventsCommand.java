package shop.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code ./shop events ORDER_ID}: the order's Kafka records, where each sits in the log and what it carried. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Print a choreography order's Kafka records, as a running shop read them from the log:",
                "type, partition, offset, time and headers (traceparent included)."})
final class EventsCommand extends OrderTrailCommand {
    @Override
    void print(JsonNode entry, PrintWriter out) {
        JsonNode records = OrderTrail.require(entry, "records", "keeps no Kafka records");
        out.println(OrderTrail.headline(entry.path("order")) + ": " + records.size() + " Kafka record"
                + (records.size() == 1 ? "" : "s"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TYPE", "TOPIC", "PARTITION", "OFFSET", "TIME", "HEADERS"});
        for (JsonNode record : records) {
            List<String> headers = new ArrayList<>();
            record.path("headers").properties().forEach(header -> headers.add(header.getKey() + "=" + header.getValue().asText()));
            rows.add(new String[] {record.path("type").asText(), record.path("topic").asText(),
                    record.path("partition").asText(), record.path("offset").asText(), record.path("timestamp").asText(),
                    String.join(" ", headers.stream().sorted().toList())});
        }
        Columns.print(out, rows);
    }
}
