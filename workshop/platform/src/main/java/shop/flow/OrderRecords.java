package shop.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A flow on Kafka that can list the records it exchanged for one order, for the console's choreography lane:
 * which event, where it sits in the log (partition, offset), and the headers that travelled with it
 * ({@code traceparent} included).
 */
public interface OrderRecords {
    /** The order's records in the order they were read, or an empty list for an order this flow has not seen. */
    List<Entry> records(String orderId);

    /**
     * @param type    the event's type, e.g. "OrderPlaced" or "PaymentCharged"
     * @param headers the record's headers as text, e.g. {"traceparent": "00-...-...-01"}
     */
    record Entry(String topic, int partition, long offset, Instant timestamp, String key, String type,
                 Map<String, String> headers) {
        public Entry {
            headers = Map.copyOf(headers);
        }
    }
}
