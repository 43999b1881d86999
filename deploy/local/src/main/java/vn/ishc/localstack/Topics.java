package vn.ishc.localstack;

import java.util.List;

/**
 * Every Kafka topic the services use, created by the local stack with the settings the
 * Kubernetes {@code KafkaTopic} resources give them. Topics that carry state (one newest
 * snapshot per key) are compacted so that a consumer can rebuild by replaying them.
 */
public final class Topics {

    public record Topic(String name, int partitions, boolean compacted) {
    }

    public static final List<Topic> ALL = List.of(
            new Topic("registry.admin-units.v1", 1, true),
            new Topic("registry.club-snapshots.v1", 3, true),
            new Topic("funding.contributions.v1", 3, true),
            new Topic("funding.pledges.v1", 3, true),
            new Topic("reporting.district-reports.v1", 3, true),
            new Topic("funding.dead-letter.v1", 1, false),
            new Topic("reporting.dead-letter.v1", 1, false));

    private Topics() {
    }
}
