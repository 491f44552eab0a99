package shop.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * Waits until consumer groups have settled: every consumer joined and given its partitions. Consumers that join one by
 * one each trigger a rebalance, and a rebalance waits for every member to come back to poll: with a slow step, a member
 * busy with a batch holds up the whole group. So the bench starts the clock only once the groups are stable.
 */
final class GroupsSettled {
    private GroupsSettled() {}

    /** Returns once each group is stable with at least {@code members} consumers holding partitions, or at the timeout. */
    static void await(String bootstrapServers, List<String> groups, int members, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                        .get(10, TimeUnit.SECONDS);
                boolean settled = described.values().stream().allMatch(group ->
                        group.groupState() == GroupState.STABLE && group.members().stream()
                                .filter(member -> !member.assignment().topicPartitions().isEmpty()).count() >= members);
                if (settled || System.nanoTime() > deadline) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe the consumer groups " + groups + ": " + e.getMessage(), e);
        }
    }
}
