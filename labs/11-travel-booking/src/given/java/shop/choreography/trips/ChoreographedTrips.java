package shop.choreography.trips;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import shop.infra.KafkaTopics;
import shop.travel.Travel;
import shop.travel.Trip;
import shop.travel.TripFlow;
import shop.travel.TripListener;
import shop.travel.TripTimelines;
import shop.travel.TripView;

/**
 * Trips by choreography: the airline, the hotel and the car desk each consume {@code trip-events} in their own group
 * and answer with events ({@link TripHandlers}); a projection follows the same events to show where each trip stands.
 */
public final class ChoreographedTrips implements TripFlow {
    public static final String NAME = "choreography";

    private final KafkaProducer<String, String> producer;
    private final TripTimelines timelines;
    private final List<TripEventLoop> loops;

    public ChoreographedTrips(String bootstrapServers, Travel travel) {
        this(bootstrapServers, travel, TripListener.NONE);
    }

    /** @param listener hears what happens to the trips this process sees (the shop's trip meters) */
    public ChoreographedTrips(String bootstrapServers, Travel travel, TripListener listener) {
        timelines = new TripTimelines(NAME, listener);
        KafkaTopics.create(bootstrapServers, List.of(new NewTopic(TripEvent.TOPIC, 3, (short) 1)));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        TripHandlers handlers = new TripHandlers(travel);
        loops = List.of(
                new TripEventLoop(bootstrapServers, "trips-flight", handlers.flight(), producer),
                new TripEventLoop(bootstrapServers, "trips-hotel", handlers.hotel(), producer),
                new TripEventLoop(bootstrapServers, "trips-car", handlers.car(), producer),
                // every running shop keeps its own view, so it reads every event: a group of its own
                new TripEventLoop(bootstrapServers, "trips-view-" + UUID.randomUUID(), new TripProjection(timelines), producer));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void book(Trip trip) {
        if (!timelines.start(trip.id())) {
            return; // booked before: publishing it again would be a second request
        }
        producer.send(TripEventLoop.recordOf(TripEvent.requested(trip)));
    }

    @Override
    public Optional<TripView> find(String tripId) {
        return timelines.find(tripId);
    }

    @Override
    public void close() {
        loops.forEach(TripEventLoop::close);
        producer.close();
    }
}
