package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * funding would publish them, then measures progress for one client against the raw SQL aggregate,
 * progress under 32 concurrent clients, and the time from a change to its appearance in progress
 * while 50 changes per second flow.
 * Run: ./mvnw -Pbenchmark -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * Size with -Dbench.clubs=10000 -Dbench.members=60 -Dbench.contributions=200000 (defaults are smaller);
 * -Dbench.changesPerSecond=50 -Dbench.changeSeconds=30 for the flow of changes.
 */
class ProgressBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DISTRICTS = {"164", "165", "167", "168", "169", "170", "171", "172", "173"};

    /**
     * The same figures as one SQL aggregate over the raw projection rows (clubs, members joined to
     * their clubs, contributions, pledges with their fulfilments), as progress was computed before
     * the figures were kept ready: the baseline the ready figures are compared with.
     */
    static final String RAW_AGGREGATE = """
            with d as (select cast(? as date) as as_of, cast(? as date) as start),
            clubs as (select c.district_code, count(*) as active, count(*) filter (where c.established_on >= d.start) as new
                      from club c, d where c.established_on <= d.as_of and (c.closed_on is null or c.closed_on > d.as_of)
                      group by c.district_code),
            members as (select c.district_code, count(*) as active,
                               count(*) filter (where case when m.birth_date is not null then m.birth_date <= d.as_of - interval '60 years'
                                                           else extract(year from d.as_of) - m.birth_year >= 60 end) as older,
                               count(*) filter (where m.gender = 'FEMALE') as women,
                               count(*) filter (where m.household_status = 'POOR') as poor,
                               count(*) filter (where m.household_status = 'NEAR_POOR') as near_poor,
                               count(*) filter (where m.household_status = 'HARDSHIP') as hardship
                        from club_member m join club c on c.id = m.club_id, d
                        where c.established_on <= d.as_of and (c.closed_on is null or c.closed_on > d.as_of)
                          and m.joined_on <= d.as_of and (m.left_on is null or m.left_on > d.as_of)
                        group by c.district_code),
            received as (select coalesce(district_code, '19') as district_code, sum(amount_vnd) as vnd from contribution, d
                         where received_on between d.start and d.as_of and (reversed_on is null or reversed_on > d.as_of) group by 1),
            outstanding as (select coalesce(p.district_code, '19') as district_code,
                                   sum(greatest(0, p.amount_vnd - coalesce((select sum(f.amount_vnd) from contribution f
                                        where f.pledge_id = p.id and f.received_on <= d.as_of
                                          and (f.reversed_on is null or f.reversed_on > d.as_of)), 0))) as vnd
                            from pledge p, d where p.pledged_on <= d.as_of and (p.cancelled_on is null or p.cancelled_on > d.as_of)
                            group by 1)
            select a.code, clubs.active, clubs.new, members.active, members.older, members.women, members.poor, members.near_poor,
                   members.hardship, received.vnd, outstanding.vnd
            from (select distinct code from admin_unit_period where level = 'DISTRICT' union select '19') a
            left join clubs on clubs.district_code = a.code left join members on members.district_code = a.code
            left join received on received.district_code = a.code left join outstanding on outstanding.district_code = a.code""";

    @Test
    void measure() throws Exception {
        int clubs = Integer.getInteger("bench.clubs", 1000);
        int members = Integer.getInteger("bench.members", 60);
        int contributions = Integer.getInteger("bench.contributions", 20000);
        int clients = Integer.getInteger("bench.clients", 32);
        int requestsPerClient = Integer.getInteger("bench.requests", 30);
        int changesPerSecond = Integer.getInteger("bench.changesPerSecond", 50);
        int changeSeconds = Integer.getInteger("bench.changeSeconds", 30);
        SuiteAccess suite = SuiteAccess.start();
        String token = suite.token("viewer");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // as browsers and curl talk to it
        String progressUrl = suite.reportingUrl() + "/api/v1/programmes/TN-ISHC-2017-2020/progress?asOf=2020-12-31";
        JsonNode start = JSON.readTree(get(http, progressUrl, token));
        long clubsBefore = start.at("/province/clubs/active").asLong();
        long receivedBefore = start.at("/province/contributions/receivedVnd").asLong();

        // 1. Load, as registry and funding would publish it, and wait until reporting has applied everything.
        Random random = new Random(2017);
        Instant loadStart = Instant.now();
        long receivedAdded = 0;
        try (KafkaProducer<String, String> producer = producer(suite, 20)) {
            for (int c = 0; c < clubs; c++) {
                UUID id = UUID.randomUUID();
                producer.send(new ProducerRecord<>("registry.club-snapshots.v1", id.toString(), club(id, random, members).toString()));
            }
            for (int i = 0; i < contributions; i++) {
                UUID id = UUID.randomUUID();
                ObjectNode event = contribution(id, random);
                receivedAdded += event.at("/data/contribution/amountVnd").asLong();
                producer.send(new ProducerRecord<>("funding.contributions.v1", id.toString(), event.toString()));
            }
        }
        long expectedClubs = clubsBefore + clubs;
        long expectedReceived = receivedBefore + receivedAdded;
        JsonNode loaded;
        int waited = 0;
        do {
            Thread.sleep(1000);
            loaded = JSON.readTree(get(http, progressUrl, token));
            if (++waited % 30 == 0) {
                java.util.logging.Logger.getLogger(ProgressBenchmark.class.getName()).info(String.format("applied so far: %d of %d clubs, %d of %d VND",
                        loaded.at("/province/clubs/active").asLong() - clubsBefore, clubs,
                        loaded.at("/province/contributions/receivedVnd").asLong() - receivedBefore, receivedAdded));
            }
        } while (loaded.at("/province/clubs/active").asLong() < expectedClubs
                || loaded.at("/province/contributions/receivedVnd").asLong() < expectedReceived);
        Duration load = Duration.between(loadStart, Instant.now());
        assertEquals(expectedClubs, loaded.at("/province/clubs/active").asLong());
        assertEquals(expectedReceived, loaded.at("/province/contributions/receivedVnd").asLong());

        // 2. One client: ready progress against the raw SQL aggregate over the same rows (after a warm-up).
        for (int i = 0; i < 500; i++) {
            get(http, progressUrl, token);
        }
        List<Long> readySingle = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t = System.nanoTime();
            get(http, progressUrl, token);
            readySingle.add((System.nanoTime() - t) / 1000);
        }
        List<Long> rawSingle = new ArrayList<>();
        String[] db = suite.reportingDatabase();
        try (Connection connection = DriverManager.getConnection(db[0], db[1], db[2]);
             PreparedStatement raw = connection.prepareStatement(RAW_AGGREGATE)) {
            raw.setString(1, "2020-12-31");
            raw.setString(2, "2017-01-01");
            for (int i = 0; i < 7; i++) {
                long t = System.nanoTime();
                try (ResultSet rows = raw.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(2);
                    }
                }
                rawSingle.add((System.nanoTime() - t) / 1000);
            }
        }
        Collections.sort(readySingle);
        Collections.sort(rawSingle);

        // 3. Progress under concurrent readers.
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        Instant readStart = Instant.now();
        for (int t = 0; t < clients; t++) {
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int r = 0; r < requestsPerClient; r++) {
                    long begin = System.nanoTime();
                    get(http, progressUrl, token);
                    times.add((System.nanoTime() - begin) / 1000);
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

        // 4. Change → visible while changes flow: one new club (with members) every 1/rate s.
        int changes = changesPerSecond * changeSeconds;
        Visibility visible;
        try (KafkaProducer<String, String> producer = producer(suite, 0)) {
            visible = timeToVisible(http, progressUrl, token, "/province/clubs/active", changesPerSecond, changes, i -> {
                UUID id = UUID.randomUUID();
                producer.send(new ProducerRecord<>("registry.club-snapshots.v1", id.toString(), club(id, random, members).toString()));
            });
        }

        // 5. The same through registry's API, the whole way (registry → outbox → Kafka → reporting):
        // members added at the given rate to a few clubs; each visible when members.active includes it.
        Visibility throughRegistry = throughRegistry(suite, http, progressUrl, token, changesPerSecond, changeSeconds);

        String report = String.format(java.util.Locale.ROOT, """
                ISHC progress benchmark, %s
                data: %d clubs × %d members, %d contributions (published, then applied by reporting in %d s)
                one client, province + 9 districts (asOf 2020-12-31):
                  ready figures over HTTP: median %.2f ms (p99 %.2f ms, 100 requests)
                  one SQL aggregate over the raw rows (JDBC, no HTTP): median %.1f ms (7 runs)
                  ratio: %.0f×
                %d concurrent clients × %d requests in %d ms:
                  p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f requests/s
                change → visible while %d new clubs (× %d members) per second flow for %d s (%d changes sent in %d ms):
                  p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
                the same through registry's API (POST a member; registry → outbox → Kafka → reporting), %d per second for %d s:
                  p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
                """, LocalDate.now(), clubs, members, contributions, load.toSeconds(),
                pct(readySingle, 50) / 1000.0, pct(readySingle, 99) / 1000.0, pct(rawSingle, 50) / 1000.0,
                (double) pct(rawSingle, 50) / pct(readySingle, 50),
                clients, requestsPerClient, reading.toMillis(),
                pct(latencies, 50) / 1000.0, pct(latencies, 95) / 1000.0, pct(latencies, 99) / 1000.0, latencies.get(latencies.size() - 1) / 1000.0,
                latencies.size() * 1000.0 / reading.toMillis(),
                changesPerSecond, members, changeSeconds, changes, visible.sendingMillis(),
                pct(visible.millis(), 50), pct(visible.millis(), 95), pct(visible.millis(), 99), visible.max(),
                changesPerSecond, changeSeconds, pct(throughRegistry.millis(), 50), pct(throughRegistry.millis(), 95),
                pct(throughRegistry.millis(), 99), throughRegistry.max());
        Files.writeString(Path.of("target", "benchmark.txt"), report);
        java.util.logging.Logger.getLogger(ProgressBenchmark.class.getName()).info(report);
    }

    private static Visibility throughRegistry(SuiteAccess suite, HttpClient http, String progressUrl, String viewer, int perSecond,
                                              int seconds) throws Exception {
        String officer = suite.token("district-officer", "164");
        List<String> clubs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String body = "{\"name\":\"CLB đo tải " + UUID.randomUUID().toString().substring(0, 8) + "\",\"communeCode\":\"05437\","
                    + "\"establishedOn\":\"2017-03-01\"}";
            clubs.add(JSON.readTree(post(http, suite.registryUrl() + "/api/v1/clubs", officer, body)).path("id").asText());
        }
        Thread.sleep(3000); // let the new clubs reach reporting
        // Requests go out on a small pool so that one slow answer does not hold back the rate.
        ExecutorService senders = Executors.newFixedThreadPool(8);
        Sender addMember = n -> {
            String body = "{\"fullName\":\"Người đo tải " + n + "\",\"gender\":\"FEMALE\",\"birthYear\":1950,"
                    + "\"householdStatus\":\"NONE\",\"joinedOn\":\"2018-01-01\"}";
            senders.submit(() -> post(http, suite.registryUrl() + "/api/v1/clubs/" + clubs.get(n % clubs.size()) + "/members", officer, body));
        };
        try {
            // A first pass warms registry's write path (JIT, pools) and is not counted.
            timeToVisible(http, progressUrl, viewer, "/province/members/active", perSecond,
                    perSecond * Integer.getInteger("bench.warmupSeconds", 15), addMember);
            return timeToVisible(http, progressUrl, viewer, "/province/members/active", perSecond, perSecond * seconds, addMember);
        } finally {
            senders.shutdown();
        }
    }

    /** Sends change number i. */
    private interface Sender {
        void send(int i) throws Exception;
    }

    /** Milliseconds from sending each change to seeing it counted (sorted), and how long the sending took. */
    private record Visibility(List<Long> millis, long sendingMillis) {
        long max() {
            return millis.get(millis.size() - 1);
        }
    }

    /**
     * Sends {@code changes} changes at the given rate while a watcher polls progress and notes when
     * the figure at {@code pointer} first includes each one. Changes are counted in order of
     * arrival: the i-th seen was sent at the latest as the i-th.
     */
    private static Visibility timeToVisible(HttpClient http, String progressUrl, String token, String pointer, int perSecond, int changes,
                                            Sender sender) throws Exception {
        long base = JSON.readTree(get(http, progressUrl, token)).at(pointer).asLong();
        long[] sentAt = new long[changes];
        long[] seenAt = new long[changes];
        Thread watcher = new Thread(() -> {
            int seen = 0;
            try {
                while (seen < changes) {
                    long now = System.nanoTime();
                    long count = JSON.readTree(get(http, progressUrl, token)).at(pointer).asLong() - base;
                    while (seen < Math.min(count, changes)) {
                        seenAt[seen++] = now;
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        watcher.start();
        long started = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        long next = started;
        for (int i = 0; i < changes; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            sentAt[i] = System.nanoTime();
            sender.send(i);
            next += interval;
        }
        long sendingMillis = (System.nanoTime() - started) / 1_000_000;
        watcher.join(Duration.ofMinutes(5).toMillis());
        List<Long> visible = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            visible.add(Math.max(0, seenAt[i] - sentAt[i]) / 1_000_000);
        }
        Collections.sort(visible);
        return new Visibility(visible, sendingMillis);
    }

    private static String post(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static KafkaProducer<String, String> producer(SuiteAccess suite, int lingerMs) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, lingerMs), new StringSerializer(), new StringSerializer());
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
