package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.ishc.e2e.SuiteAccess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reporting benchmark (not a pass/fail test: it asserts only that the data arrived, and prints
 * its figures to target/benchmark.txt). Loads clubs with members and contributions as registry and
 * funding would publish them, then measures progress latency under 32 concurrent clients and the
 * time from a change to its appearance in progress.
 * Run: ./mvnw -Pbenchmark -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * Size with -Dbench.clubs=10000 -Dbench.members=60 -Dbench.contributions=200000 (defaults are smaller).
 */
class ProgressBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DISTRICTS = {"164", "165", "167", "168", "169", "170", "171", "172", "173"};

    @Test
    void measure() throws Exception {
        int clubs = Integer.getInteger("bench.clubs", 1000);
        int members = Integer.getInteger("bench.members", 60);
        int contributions = Integer.getInteger("bench.contributions", 20000);
        int clients = Integer.getInteger("bench.clients", 32);
        int requestsPerClient = Integer.getInteger("bench.requests", 30);
        SuiteAccess suite = SuiteAccess.start();
        String token = suite.token("viewer");
        HttpClient http = HttpClient.newHttpClient();
        String progressUrl = suite.reportingUrl() + "/api/v1/programmes/TN-ISHC-2017-2020/progress?asOf=2020-12-31";
        long clubsBefore = JSON.readTree(get(http, progressUrl, token)).at("/province/clubs/active").asLong();

        Random random = new Random(2017);
        Instant loadStart = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new StringSerializer())) {
            for (int c = 0; c < clubs; c++) {
                UUID id = UUID.randomUUID();
                producer.send(new ProducerRecord<>("registry.club-snapshots.v1", id.toString(), club(id, random, members).toString()));
            }
            for (int i = 0; i < contributions; i++) {
                UUID id = UUID.randomUUID();
                producer.send(new ProducerRecord<>("funding.contributions.v1", id.toString(), contribution(id, random).toString()));
            }
        }
        long expected = clubsBefore + clubs;
        while (JSON.readTree(get(http, progressUrl, token)).at("/province/clubs/active").asLong() < expected) {
            Thread.sleep(500);
        }
        Duration load = Duration.between(loadStart, Instant.now());
        assertEquals(expected, JSON.readTree(get(http, progressUrl, token)).at("/province/clubs/active").asLong());

        // Progress under concurrent readers.
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        Instant readStart = Instant.now();
        for (int t = 0; t < clients; t++) {
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int r = 0; r < requestsPerClient; r++) {
                    long start = System.nanoTime();
                    get(http, progressUrl, token);
                    times.add((System.nanoTime() - start) / 1_000_000);
                }
                return times;
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            latencies.addAll(f.get());
        }
        Duration reading = Duration.between(readStart, Instant.now());
        pool.shutdown();
        Collections.sort(latencies);

        // Change to progress: one new club at a time, until progress shows it.
        List<Long> visible = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                UUID id = UUID.randomUUID();
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>("registry.club-snapshots.v1", id.toString(), club(id, random, 0).toString())).get();
                expected++;
                while (JSON.readTree(get(http, progressUrl, token)).at("/province/clubs/active").asLong() < expected) {
                    Thread.sleep(20);
                }
                visible.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Collections.sort(visible);

        String report = String.format("""
                ISHC progress benchmark, %s
                data: %d clubs × %d members, %d contributions (loaded and applied in %d s)
                progress (province + 9 districts, asOf 2020-12-31), %d clients × %d requests in %d ms:
                  p50 %d ms, p95 %d ms, p99 %d ms, max %d ms, %.1f requests/s
                change → visible in progress (10 single changes): median %d ms, max %d ms
                """, LocalDate.now(), clubs, members, contributions, load.toSeconds(), clients, requestsPerClient, reading.toMillis(),
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), latencies.get(latencies.size() - 1),
                latencies.size() * 1000.0 / reading.toMillis(), pct(visible, 50), visible.get(visible.size() - 1));
        Files.writeString(Path.of("target", "benchmark.txt"), report);
        java.util.logging.Logger.getLogger(ProgressBenchmark.class.getName()).info(report);
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static ObjectNode envelope(String type, UUID id, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("occurredAt", Instant.now().toString());
        event.put("aggregateId", id.toString());
        event.put("aggregateVersion", 1);
        event.put("schemaVersion", 1);
        event.set("data", data);
        return event;
    }

    private static ObjectNode club(UUID id, Random random, int members) {
        ObjectNode data = JSON.createObjectNode();
        ObjectNode club = data.putObject("club");
        LocalDate established = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(1800));
        club.put("id", id.toString());
        club.put("name", "CLB thử tải " + id.toString().substring(0, 8));
        club.put("communeCode", "00000");
        club.put("districtCode", DISTRICTS[random.nextInt(DISTRICTS.length)]);
        club.put("provinceCode", "19");
        club.putNull("hamlet");
        club.put("establishedOn", established.toString());
        club.putNull("closedOn");
        club.put("status", "ACTIVE");
        club.put("version", 1);
        ArrayNode list = data.putArray("members");
        for (int m = 0; m < members; m++) {
            ObjectNode member = list.addObject();
            member.put("memberId", UUID.randomUUID().toString());
            member.put("gender", random.nextInt(10) < 6 ? "FEMALE" : "MALE");
            if (random.nextBoolean()) {
                member.put("birthDate", LocalDate.of(1935, 1, 1).plusDays(random.nextInt(20000)).toString());
                member.putNull("birthYear");
            } else {
                member.putNull("birthDate");
                member.put("birthYear", 1935 + random.nextInt(55));
            }
            member.put("householdStatus", new String[] {"POOR", "NEAR_POOR", "HARDSHIP", "NONE", "NONE", "NONE"}[random.nextInt(6)]);
            member.put("joinedOn", established.plusDays(random.nextInt(400)).toString());
            member.putNull("leftOn");
        }
        return envelope("ClubSnapshot", id, data);
    }

    private static ObjectNode contribution(UUID id, Random random) {
        ObjectNode data = JSON.createObjectNode();
        data.put("donorType", "BUSINESS");
        ObjectNode c = data.putObject("contribution");
        c.put("id", id.toString());
        c.put("donorId", UUID.randomUUID().toString());
        c.put("form", "CASH");
        c.put("amountVnd", 100_000 + random.nextInt(10_000_000));
        c.put("receivedOn", LocalDate.of(2017, 1, 1).plusDays(random.nextInt(1400)).toString());
        c.put("districtCode", DISTRICTS[random.nextInt(DISTRICTS.length)]);
        c.put("status", "RECORDED");
        c.putNull("reversedOn");
        c.put("version", 1);
        return envelope("ContributionSnapshot", id, data);
    }
}
