package vn.ishc.reporting.rebuild;

import vn.ishc.reporting.projection.ProjectedTables;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import vn.ishc.reporting.figures.FigureStore;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Rebuilds every projection from the topics, correctly with any number of replicas. The replica
 * that gets the request pauses its consumers, empties the projections and their bookkeeping and
 * starts a new rebuild generation, in one transaction. Then every replica (this one at once, the
 * others within a second, see {@link #followRebuilds}) rewinds to the beginning of the (compacted)
 * topics each partition it owns that was not rewound for this generation yet, and records it, so
 * that every partition is replayed exactly once per rebuild, also when partitions move between
 * replicas meanwhile. Events applied between the emptying and a partition's rewind are newer than
 * what the replay brings, which the version check then ignores. Programmes and targets are kept.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    static final List<String> CHANNELS = List.of("admin-units", "club-snapshots", "funding-contributions", "funding-pledges");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ProjectedTables projected;

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager em;

    @Inject
    FigureStore figures;

    /** Partitions this replica has settled for {@link #settledGeneration} (rewound here, or claimed by another replica). */
    private final Set<TopicPartition> settled = new HashSet<>();
    private long settledGeneration;

    /** Starts a rebuild; answers the new generation and the partitions this replica rewound for it. */
    public synchronized Started run() {
        for (String channel : CHANNELS) {
            consumer(channel).pause().await().atMost(WAIT);
        }
        long generation;
        try {
            generation = QuarkusTransaction.requiringNew().call(() -> {
                figures.lockExclusive();
                projected.clear();
                figures.clear();
                return ((Number) em.createNativeQuery(
                        "update rebuild_generation set generation = generation + 1, requested_at = now() returning generation")
                        .getSingleResult()).longValue();
            });
        } finally {
            for (String channel : CHANNELS) {
                consumer(channel).resume().await().atMost(WAIT);
            }
        }
        Map<String, Integer> rewound = rewindOwnPartitions(generation);
        LOG.infof("Projections emptied for rebuild %d; replaying from the beginning here: %s", generation, rewound);
        return new Started(generation, rewound);
    }

    /** The generation started, and how many partitions of each channel this replica rewound for it. */
    public record Started(long generation, Map<String, Integer> partitionsRewoundHere) {
    }

    /** Every replica, every second: rewinds the partitions it owns that the latest rebuild has not replayed yet. */
    @Scheduled(every = "${ishc.rebuild.follow-every:1s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void followRebuilds() {
        long generation = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select generation from rebuild_generation where id = 1").getSingleResult()).longValue());
        if (generation > 0) {
            Map<String, Integer> rewound = rewindOwnPartitions(generation);
            if (rewound.values().stream().anyMatch(n -> n > 0)) {
                LOG.infof("Following rebuild %d: replaying from the beginning here: %s", generation, rewound);
            }
        }
    }

    /**
     * Rewinds the partitions this replica owns that no replica rewound for the generation yet. Only
     * partitions not settled here before are claimed, so that following a rebuild costs one small
     * query a second, not a write per partition.
     */
    private Map<String, Integer> rewindOwnPartitions(long generation) {
        if (generation != settledGeneration) {
            settled.clear();
            settledGeneration = generation;
        }
        Map<String, Integer> rewound = new TreeMap<>();
        for (String channel : CHANNELS) {
            KafkaConsumer<Object, Object> consumer = consumer(channel);
            Set<TopicPartition> unsettled = new HashSet<>(consumer.getAssignments().await().atMost(WAIT));
            unsettled.removeAll(settled);
            Set<TopicPartition> claimed = unsettled.isEmpty() ? Set.of() : claim(generation, unsettled);
            settled.addAll(unsettled);
            if (!claimed.isEmpty()) {
                consumer.pause().await().atMost(WAIT);
                try {
                    consumer.seekToBeginning(claimed).await().atMost(WAIT);
                } finally {
                    consumer.resume().await().atMost(WAIT);
                }
            }
            rewound.put(channel, claimed.size());
        }
        return rewound;
    }

    /** Records the partitions as rewound for the generation; answers those no replica had claimed before. */
    private Set<TopicPartition> claim(long generation, Set<TopicPartition> partitions) {
        return QuarkusTransaction.requiringNew().call(() -> partitions.stream().filter(p -> em.createNativeQuery(
                        "insert into rebuild_rewound (generation, topic, partition_no) values (:g, :t, :p) on conflict do nothing")
                .setParameter("g", generation).setParameter("t", p.topic()).setParameter("p", p.partition())
                .executeUpdate() == 1).collect(Collectors.toSet()));
    }

    private KafkaConsumer<Object, Object> consumer(String channel) {
        return kafka.getConsumer(channel);
    }
}
