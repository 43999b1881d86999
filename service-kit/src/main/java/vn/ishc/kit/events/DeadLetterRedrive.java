package vn.ishc.kit.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Re-drives the dead-letter topic after a fix: every record not re-driven before is applied again
 * by the consumer of its original topic (stale versions are ignored as usual). A record that still
 * cannot be applied goes back to the dead-letter topic with its new reason. Progress is kept as the
 * committed offsets of a consumer group of its own, so a record is re-driven once.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    Producer<String, String> producer;

    @Inject
    RecordHandling handling;

    @ConfigProperty(name = "ishc.dead-letter.topic")
    Optional<String> deadLetterTopic;

    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /** What a re-drive did. {@code waiting}: records left for later, because no consumer here has read their topic yet. */
    public record Outcome(long applied, long deadLetteredAgain, long waiting) {
    }

    public synchronized Outcome redrive() throws Exception {
        if (deadLetterTopic.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        String topic = deadLetterTopic.get();
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-dead-letter-redrive");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long applied = 0;
        long again = 0;
        long waiting = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Boolean> blocked = new HashMap<>();
            while (partitions.stream().anyMatch(p -> !blocked.containsKey(p) && consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (blocked.containsKey(partition) || letter.offset() >= end.get(partition)) {
                        continue;
                    }
                    String original = header(letter, "dead-letter-topic");
                    if (original == null || !handling.knows(original)) {
                        blocked.put(partition, true);
                        waiting += end.get(partition) - letter.offset();
                        continue;
                    }
                    try {
                        handling.reapply(original, new ConsumerRecord<>(original, letter.partition(), letter.offset(), letter.key(), letter.value()));
                        applied++;
                    } catch (RecordHandling.DeadLetterException e) {
                        ProducerRecord<String, String> back = new ProducerRecord<>(topic, letter.key(), letter.value());
                        back.headers().add("dead-letter-topic", original.getBytes(StandardCharsets.UTF_8));
                        back.headers().add("dead-letter-reason", e.getMessage().getBytes(StandardCharsets.UTF_8));
                        producer.send(back).get(15, TimeUnit.SECONDS);
                        again++;
                    }
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(letter.offset() + 1)));
                }
            }
        }
        LOG.infof("Dead letters re-driven: %d applied, %d dead-lettered again, %d waiting", applied, again, waiting);
        return new Outcome(applied, again, waiting);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
