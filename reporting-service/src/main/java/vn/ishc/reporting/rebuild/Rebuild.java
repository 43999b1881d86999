package vn.ishc.reporting.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import vn.ishc.reporting.figures.FigureStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rebuilds every projection from the topics: pauses the consumers, empties the projections and
 * their bookkeeping in one transaction, rewinds the consumers to the beginning of their (compacted)
 * topics and lets them replay. Programmes and targets, reporting's own data, are kept.
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    static final List<String> CHANNELS = List.of("admin-units", "club-snapshots", "funding-contributions", "funding-pledges");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KafkaClientService kafka;

    @Inject
    EntityManager em;

    @Inject
    FigureStore figures;

    /** The partitions each channel rewound (only those assigned to this replica). */
    public synchronized Map<String, Integer> run() {
        for (String channel : CHANNELS) {
            consumer(channel).pause().await().atMost(WAIT);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            figures.lockExclusive();
            em.createNativeQuery(
                    "truncate table club_member, club, admin_unit_period, admin_unit_version, contribution, pledge, applied_event, source_freshness")
                    .executeUpdate();
            figures.clear();
        });
        Map<String, Integer> rewound = new TreeMap<>();
        for (String channel : CHANNELS) {
            KafkaConsumer<Object, Object> consumer = consumer(channel);
            Set<TopicPartition> assigned = consumer.getAssignments().await().atMost(WAIT);
            consumer.seekToBeginning(assigned).await().atMost(WAIT);
            consumer.resume().await().atMost(WAIT);
            rewound.put(channel, assigned.size());
        }
        LOG.infof("Projections emptied; replaying from the beginning: %s", rewound);
        return rewound;
    }

    private KafkaConsumer<Object, Object> consumer(String channel) {
        return kafka.getConsumer(channel);
    }
}
