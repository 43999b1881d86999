package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the same work costs without reporting's code, as the floor a replay is compared with: a plain
 * Kafka consumer reading and parsing every event of the topics reporting replays, and PostgreSQL's
 * COPY of the rows those events carry.
 */
final class RawBaselines {

    /** The topics a rebuild replays. */
    static final List<String> TOPICS = List.of("registry.admin-units.v1", "registry.club-snapshots.v1", "funding.contributions.v1",
            "funding.pledges.v1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Events read (tombstones not counted), their bytes, how long, and per topic the values kept for the COPY baseline. */
    record ConsumerRun(long events, long bytes, long nanos, Map<String, List<byte[]>> values) {
        double perSecond() {
            return events * 1e9 / nanos;
        }

        /** The same figures without the values, which the COPY baseline alone needs. */
        ConsumerRun figuresOnly() {
            return new ConsumerRun(events, bytes, nanos, Map.of());
        }
    }

    /** Rows written by COPY (clubs, members, contributions), the events that carried them, and how long. */
    record CopyRun(long clubs, long members, long contributions, long events, long nanos) {
        long rows() {
            return clubs + members + contributions;
        }

        double rowsPerSecond() {
            return rows() * 1e9 / nanos;
        }

        double eventsPerSecond() {
            return events * 1e9 / nanos;
        }
    }

    private RawBaselines() {
    }

    /**
     * A plain consumer (no group, nothing committed) assigned every partition of the topics, from the
     * beginning to the end offsets taken at the start, parsing each value into a JsonNode.
     */
    static ConsumerRun readTopics(String bootstrapServers) throws IOException {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "bench-raw-consumer");
        Map<String, List<byte[]>> values = new HashMap<>();
        TOPICS.forEach(t -> values.put(t, new ArrayList<>()));
        long events = 0;
        long bytes = 0;
        long parsedFields = 0; // used below so that the parsing cannot be optimised away
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            long started = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            remaining.removeIf(p -> consumer.position(p) >= end.get(p));
            long deadline = started + Duration.ofMinutes(15).toNanos();
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        JsonNode event = JSON.readTree(record.value());
                        parsedFields += event.size();
                        events++;
                        bytes += record.value().length;
                        values.get(record.topic()).add(record.value());
                    }
                }
                remaining.removeIf(p -> consumer.position(p) >= end.get(p));
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw consumer did not reach the end offsets in 15 minutes: " + remaining);
                }
            }
            long nanos = System.nanoTime() - started;
            if (parsedFields == 0 && events > 0) {
                throw new IllegalStateException("events without fields?");
            }
            return new ConsumerRun(events, bytes, nanos, values);
        }
    }

    /**
     * COPY of the rows the club snapshots and contributions read by {@code read} carry, into temporary
     * tables (not WAL-logged, keyed as a projection is) in reporting's database, in one transaction.
     * The CSV text is prepared before the clock starts: only COPY is timed.
     */
    static CopyRun copyRows(String[] database, ConsumerRun read) throws IOException, SQLException {
        // A club's later snapshot replaces its earlier ones (as in the projection): the latest of each id is copied.
        Map<String, JsonNode> latestClubs = new LinkedHashMap<>();
        for (byte[] value : read.values().get("registry.club-snapshots.v1")) {
            JsonNode data = JSON.readTree(value).path("data");
            if (data.has("club")) {
                latestClubs.put(data.at("/club/id").asText(), data);
            }
        }
        Map<String, JsonNode> latestContributions = new LinkedHashMap<>();
        for (byte[] value : read.values().get("funding.contributions.v1")) {
            JsonNode contribution = JSON.readTree(value).at("/data/contribution");
            if (!contribution.isMissingNode()) {
                latestContributions.put(contribution.path("id").asText(), contribution);
            }
        }
        StringBuilder clubs = new StringBuilder();
        StringBuilder members = new StringBuilder();
        StringBuilder contributions = new StringBuilder();
        long memberRows = 0;
        for (JsonNode data : latestClubs.values()) {
            JsonNode club = data.path("club");
            csv(clubs, club, "id", "districtCode", "communeCode", "establishedOn", "closedOn", "version");
            for (JsonNode member : data.path("members")) {
                members.append(club.path("id").asText()).append(',');
                csv(members, member, "memberId", "gender", "birthDate", "birthYear", "householdStatus", "joinedOn", "leftOn");
                memberRows++;
            }
        }
        for (JsonNode contribution : latestContributions.values()) {
            csv(contributions, contribution, "id", "districtCode", "amountVnd", "receivedOn", "reversedOn", "pledgeId", "version");
        }
        long clubRows = latestClubs.size();
        long contributionRows = latestContributions.size();
        try (Connection connection = DriverManager.getConnection(database[0], database[1], database[2]);
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    create temporary table bench_club (id uuid primary key, district_code text, commune_code text, established_on date,
                        closed_on date, version bigint);
                    create temporary table bench_member (club_id uuid, id uuid primary key, gender text, birth_date date, birth_year int,
                        household_status text, joined_on date, left_on date);
                    create temporary table bench_contribution (id uuid primary key, district_code text, amount_vnd bigint, received_on date,
                        reversed_on date, pledge_id uuid, version bigint)""");
            connection.setAutoCommit(false);
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            long started = System.nanoTime();
            copy.copyIn("copy bench_club from stdin (format csv)", new StringReader(clubs.toString()));
            copy.copyIn("copy bench_member from stdin (format csv)", new StringReader(members.toString()));
            copy.copyIn("copy bench_contribution from stdin (format csv)", new StringReader(contributions.toString()));
            connection.commit();
            long nanos = System.nanoTime() - started;
            connection.setAutoCommit(true);
            statement.execute("drop table bench_club, bench_member, bench_contribution");
            return new CopyRun(clubRows, memberRows, contributionRows, clubRows + contributionRows, nanos);
        }
    }

    /** One CSV line of the given fields; a missing or null field is empty, which COPY reads as NULL. */
    private static void csv(StringBuilder out, JsonNode node, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            JsonNode value = node.path(fields[i]);
            if (!value.isMissingNode() && !value.isNull()) {
                out.append(value.asText());
            }
            out.append(i == fields.length - 1 ? '\n' : ',');
        }
    }
}
