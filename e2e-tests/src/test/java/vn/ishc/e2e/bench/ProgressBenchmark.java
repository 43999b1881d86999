package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.ishc.e2e.SuiteAccess;

import java.net.http.HttpClient;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reporting benchmark (not a pass/fail test: it asserts only that the data arrived). In one run on a
 * fresh suite: loads clubs with members and contributions as registry and funding would publish them
 * (the catch-up rate), reads the same topics with a raw Kafka consumer and COPYs the rows they carry
 * (the baselines), measures progress for one client against the raw SQL aggregate and under 32
 * concurrent clients, the time from a change to its appearance in progress while 50 changes per second
 * flow (published, and through registry's API), then rebuilds reporting's projection by replay while
 * progress is read and changes flow, reads each service's memory after the load and after the
 * rebuild, and last stops reporting, publishes new events, half the load's size, and times its
 * catch-up from its start (back from an outage). One table in target/benchmark.txt (printed by ./ishc bench), every figure in
 * target/benchmark.json. Run: ./ishc bench --size small|province|national, or
 * ./mvnw -Pbenchmark -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ProgressBenchmark
 * with -Dbench.clubs=10000 -Dbench.members=60 -Dbench.contributions=200000 (defaults are smaller);
 * -Dbench.changesPerSecond=50 -Dbench.changeSeconds=30 for the flows of changes.
 */
class ProgressBenchmark {

    private static final Logger LOG = Logger.getLogger(ProgressBenchmark.class);

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
        int requestsPerClient = Integer.getInteger("bench.requests", 1000);
        int changesPerSecond = Integer.getInteger("bench.changesPerSecond", 50);
        int changeSeconds = Integer.getInteger("bench.changeSeconds", 30);
        // Seconds of each flow sent before it is measured (not counted): the flow through registry and the club snapshots.
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 15);
        String size = System.getProperty("bench.size", "custom");
        BenchReport report = new BenchReport();
        Machine machine = Machine.start();
        Instant runStart = Instant.now();
        say("starting PostgreSQL, Kafka and the three services");
        SuiteAccess suite = SuiteAccess.start();
        String token = suite.token("viewer");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // as browsers and curl talk to it
        String progressUrl = suite.reportingUrl() + "/api/v1/programmes/TN-ISHC-2017-2020/progress?asOf=2020-12-31";
        JsonNode start = JSON.readTree(get(http, progressUrl, token));
        long clubsBefore = start.at("/province/clubs/active").asLong();
        long receivedBefore = start.at("/province/contributions/receivedVnd").asLong();

        // a. Load, as registry and funding would publish it, and wait until reporting has applied everything.
        say(String.format("loading %d clubs × %d members and %d contributions", clubs, members, contributions));
        Random random = new Random(2017);
        long loadStart = System.nanoTime();
        long receivedAdded;
        try (KafkaProducer<String, String> producer = producer(suite, 20)) {
            receivedAdded = publishLoad(producer, random, clubs, members, contributions);
        }
        long publishedNanos = System.nanoTime() - loadStart;
        long expectedClubs = clubsBefore + clubs;
        long expectedReceived = receivedBefore + receivedAdded;
        JsonNode loaded = awaitApplied(http, progressUrl, token, expectedClubs, expectedReceived);
        long loadNanos = System.nanoTime() - loadStart;
        assertEquals(expectedClubs, loaded.at("/province/clubs/active").asLong());
        assertEquals(expectedReceived, loaded.at("/province/contributions/receivedVnd").asLong());
        long loadEvents = clubs + (long) contributions;
        double catchUp = loadEvents * 1e9 / loadNanos;
        report.section("load").put("events", loadEvents).put("publishSeconds", publishedNanos / 1e9).put("seconds", loadNanos / 1e9)
                .put("eventsPerSecond", catchUp).put("endedAt", Instant.now().toString());
        say(String.format("loaded in %.1f s", loadNanos / 1e9));
        Map<String, ServiceMemory> afterLoad = memory(http, suite, report, "afterLoad");

        // e. One client: ready progress against the raw SQL aggregate over the same rows (after a warm-up).
        say("progress: one client against the raw SQL aggregate, then " + clients + " clients");
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

        // Progress under concurrent readers, each on a keep-alive connection of its own.
        long reportingPid = suite.serviceProcesses().get("reporting").getKey();
        ConcurrentReaders.Result concurrent = ConcurrentReaders.withConnections(progressUrl, token, clients, requestsPerClient, reportingPid);

        // Change → visible while changes flow: one new club (with members) every 1/rate s.
        say(String.format("change → visible: %d club snapshots/s for %d s, after a warm-up", changesPerSecond, changeSeconds));
        ChangeVisibility.Result visible;
        Map<String, String> serviceUrls = new TreeMap<>();
        suite.serviceProcesses().forEach((service, process) -> serviceUrls.put(service, process.getValue()));
        StageTimes.Scrape beforeChanges;
        try (KafkaProducer<String, String> producer = producer(suite, 0)) {
            // A first pass is not counted, as through registry below: the first seconds after the load and the 32
            // clients were the slowest of the phase in most runs (target/changes-club-snapshots.csv), while the
            // harness's own sender and watcher were still being compiled (the benchmark's JVM then took a core).
            ChangeVisibility.measure(progressUrl, token, "/province/clubs/active", changesPerSecond,
                    changesPerSecond * warmupSeconds, i -> publishClub(producer, random, members));
            beforeChanges = StageTimes.scrape(http, serviceUrls);
            visible = ChangeVisibility.measure(progressUrl, token, "/province/clubs/active", changesPerSecond,
                    changesPerSecond * changeSeconds, i -> publishClub(producer, random, members));
        }
        StageTimes.Scrape afterChanges = StageTimes.scrape(http, serviceUrls);
        List<StageTimes.Between> visibleStages = StageTimes.between(beforeChanges, afterChanges, CLUB_STAGES);

        // The same through registry's API, the whole way (registry → outbox → Kafka → reporting):
        // members added at the given rate to a few clubs; each visible when members.active includes it.
        say(String.format("change → visible through registry's API: %d members/s for %d s, after a warm-up", changesPerSecond, changeSeconds));
        List<Long> postMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> queuedMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        StageTimes.Scrape[] registryPhase = new StageTimes.Scrape[1];
        ChangeVisibility.Result throughRegistry = throughRegistry(suite, http, progressUrl, token, changesPerSecond, warmupSeconds, changeSeconds, postMillis, queuedMillis,
                () -> registryPhase[0] = StageTimes.scrape(http, serviceUrls));
        StageTimes.Scrape afterRegistry = StageTimes.scrape(http, serviceUrls);
        List<StageTimes.Between> registryStages = StageTimes.between(registryPhase[0], afterRegistry, REGISTRY_STAGES);

        // b. and c. The floor: a raw consumer reading the topics a rebuild replays, and COPY of the rows they carry.
        say("baselines: a raw Kafka consumer over the four topics, then COPY of their rows");
        RawBaselines.ConsumerRun consumed = RawBaselines.readTopics(suite.kafkaBootstrapServers());
        RawBaselines.CopyRun copied = RawBaselines.copyRows(db, consumed);
        // The baselines' events (over 200 MB read, then parsed for COPY) let go and collected here, so that
        // collecting them cannot fall in the measured minute: the harness held 1.1-1.5 GB when a rebuild began.
        consumed = consumed.figuresOnly();
        System.gc();
        report.section("rawConsumer").put("events", consumed.events()).put("bytes", consumed.bytes()).put("seconds", consumed.nanos() / 1e9)
                .put("eventsPerSecond", consumed.perSecond());
        report.section("copy").put("clubs", copied.clubs()).put("members", copied.members()).put("contributions", copied.contributions())
                .put("rows", copied.rows()).put("events", copied.events()).put("seconds", copied.nanos() / 1e9)
                .put("rowsPerSecond", copied.rowsPerSecond()).put("eventsPerSecond", copied.eventsPerSecond());

        // d. The full replay, with progress read throughout and new clubs flowing.
        say("rebuild by replay, with progress read every 200 ms and " + changesPerSecond + " new clubs/s flowing for up to " + changeSeconds
                + " s, after a warm-up of the flow");
        long clubsBeforeRebuild;
        RebuildRun.Outcome rebuild;
        StageTimes.Scrape beforeRebuild;
        try (KafkaProducer<String, String> producer = producer(suite, 0)) {
            // A pass of the flow first, not counted, as before the flows above: after the baselines the harness's
            // compiler spent 4.2 s recompiling its sender, watcher and HTTP client in the rebuild's first 10 s.
            ChangeVisibility.Result warmUp = ChangeVisibility.measure(progressUrl, token, "/province/clubs/active", changesPerSecond,
                    changesPerSecond * warmupSeconds, i -> publishClub(producer, random, members));
            assertEquals(0, warmUp.unseen(), "clubs of the warm-up before the rebuild still not in progress");
            clubsBeforeRebuild = JSON.readTree(get(http, progressUrl, token)).at("/province/clubs/active").asLong();
            beforeRebuild = StageTimes.scrape(http, serviceUrls);
            rebuild = RebuildRun.run(http, suite.reportingUrl(), suite.token("province-admin"), token, progressUrl, consumed.events() + warmUp.sent(),
                    changesPerSecond, changeSeconds, members, i -> publishClub(producer, random, members));
        }
        say("rebuild ended: " + rebuild.state() + " after " + rebuild.millis() + " ms");
        StageTimes.Scrape afterRebuildScrape = StageTimes.scrape(http, serviceUrls);
        List<StageTimes.Between> rebuildStages = StageTimes.between(beforeRebuild, afterRebuildScrape, CLUB_STAGES);
        // Data arrived: every club from before the rebuild and every one sent during it, money as before.
        long expectedAfter = clubsBeforeRebuild + rebuild.flow().sent();
        JsonNode after = JSON.readTree(get(http, progressUrl, token));
        for (int i = 0; i < 600 && after.at("/province/clubs/active").asLong() != expectedAfter; i++) {
            Thread.sleep(500);
            after = JSON.readTree(get(http, progressUrl, token));
        }
        assertEquals(expectedAfter, after.at("/province/clubs/active").asLong(), "clubs after the rebuild");
        // Money must come back exactly; a difference is reported (loudly), not failed: this is a benchmark.
        long moneyDifference = after.at("/province/contributions/receivedVnd").asLong() - expectedReceived;
        ObjectNode rebuildJson = report.section("rebuild").put("state", rebuild.state()).put("generation", rebuild.generation())
                .put("statusDocument", rebuild.statusDocument()).put("eventsReplayed", rebuild.eventsReplayed())
                .put("seconds", rebuild.millis() / 1000.0).put("eventsPerSecond", rebuild.eventsPerSecond())
                .put("ratioToRawConsumer", rebuild.eventsPerSecond() / consumed.perSecond())
                .put("ratioToCopy", rebuild.eventsPerSecond() / copied.eventsPerSecond())
                .put("clubsAfter", after.at("/province/clubs/active").asLong()).put("receivedVndDifferenceAfter", moneyDifference);
        if (rebuild.document() != null) {
            rebuildJson.set("document", JSON.readTree(rebuild.document()));
        }
        rebuild.watch().toJson(rebuildJson.putObject("progressDuringRebuild"));
        rebuild.flow().toJson(rebuildJson.putObject("changeToVisibleDuringRebuild")).put("perSecond", changesPerSecond);
        Map<String, ServiceMemory> afterRebuild = memory(http, suite, report, "afterRebuild");

        // f. Back from an outage, last: it stops and starts reporting.
        Outage outage = backFromOutage(suite, machine, http, progressUrl, token, after, Math.max(1, clubs / 2), members, Math.max(1, contributions / 2));
        outage.toJson(report.section("outage"), consumed.perSecond());
        ServiceMemory reportingAfterOutage = memory(http, suite, report, "afterOutage").get("reporting");

        // e. (continued) the figures of the earlier benchmark, in the JSON.
        report.section("progressOneClient").put("readyMedianMillis", pct(readySingle, 50) / 1000.0).put("readyP99Millis", pct(readySingle, 99) / 1000.0)
                .put("rawSqlMedianMillis", pct(rawSingle, 50) / 1000.0).put("ratio", (double) pct(rawSingle, 50) / pct(readySingle, 50));
        concurrent.toJson(report.section("progressConcurrent"));
        visible.toJson(report.section("changeToVisible")).put("perSecond", changesPerSecond).put("seconds", changeSeconds);
        throughRegistry.toJson(report.section("changeToVisibleThroughRegistry")).put("perSecond", changesPerSecond).put("seconds", changeSeconds);

        // g. What else ran.
        machine.stop();
        ObjectNode run = report.section("run").put("size", size).put("clubs", clubs).put("membersPerClub", members).put("contributions", contributions)
                .put("commit", System.getProperty("bench.commit", "")).put("startedAt", runStart.toString()).put("finishedAt", Instant.now().toString())
                .put("jvmOptions", String.join(" ", suite.serviceJvmOptions("registry")))
                .put("reportingJvmOptions", String.join(" ", suite.serviceJvmOptions("reporting")));
        machine.toJson(run);

        report.header(String.format(Locale.ROOT, "ISHC benchmark, size %s: %,d clubs × %d members, %,d contributions; %s%s", size, clubs, members,
                contributions, runStart.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                System.getProperty("bench.commit", "").isEmpty() ? "" : ", commit " + System.getProperty("bench.commit")));
        report.header("registry, funding: java " + String.join(" ", suite.serviceJvmOptions("registry")));
        report.header("reporting: java " + String.join(" ", suite.serviceJvmOptions("reporting")));
        report.header(machine.summary());
        report.row("catch-up after the load (publish → applied)", String.format(Locale.ROOT, "%s (%,d events in %.1f s, publishing took %.1f s)",
                BenchReport.rate(catchUp), loadEvents, loadNanos / 1e9, publishedNanos / 1e9), "");
        report.row("back from an outage (reporting start → applied)", outage.summary(), "");
        report.row("baseline: raw Kafka consumer, same topics", String.format(Locale.ROOT, "%s (%,d events, %.1f MB, %.1f s)",
                BenchReport.rate(consumed.perSecond()), consumed.events(), consumed.bytes() / 1048576.0, consumed.nanos() / 1e9), "");
        report.row("baseline: COPY of the same rows", String.format(Locale.ROOT, "%s rows, %s events (%,d rows, %.1f s)",
                BenchReport.rate(copied.rowsPerSecond()), BenchReport.rate(copied.eventsPerSecond()), copied.rows(), copied.nanos() / 1e9), "");
        report.row("replay (rebuild): events applied", String.format(Locale.ROOT, "%s (%,d events%s); %.1f%% of raw consumer, %.1f%% of COPY",
                BenchReport.rate(rebuild.eventsPerSecond()), rebuild.eventsReplayed(), rebuild.statusDocument() ? "" : ", those in the topics",
                100 * rebuild.eventsPerSecond() / consumed.perSecond(), 100 * rebuild.eventsPerSecond() / copied.eventsPerSecond()),
                "≥ 3,500 events/s");
        report.row("rebuild: POST → switched", String.format(Locale.ROOT, "%.1f s, %s%s", rebuild.millis() / 1000.0, rebuild.state(),
                rebuild.statusDocument() ? "" : " (no status document: end seen in progress)"), "≤ 60 s");
        RebuildRun.Watch watch = rebuild.watch();
        report.row("figures after the rebuild", moneyDifference == 0 ? "as before (clubs + those sent during it; money equal)"
                : String.format(Locale.ROOT, "MONEY DIFFERS: receivedVnd %+,d VND against before the rebuild", moneyDifference), "as before");
        report.row("progress during the rebuild (every 200 ms)", String.format(Locale.ROOT, "%s: %d answers, %d failed, %d empty, %d differing; p99 %d ms",
                watch.throughout() ? "answered throughout" : "NOT THROUGHOUT", watch.answers(), watch.failed(), watch.empty(), watch.differing(),
                watch.p99Millis()), "previous figures until the switch");
        report.row("change → visible during the rebuild, " + changesPerSecond + " clubs/s", rebuild.flow().summary(), "p99 ≤ 150 ms");
        report.row("progress, one client: ready vs raw SQL aggregate", String.format(Locale.ROOT, "median %s vs %s: %.0f×",
                BenchReport.ms(pct(readySingle, 50) / 1000.0), BenchReport.ms(pct(rawSingle, 50) / 1000.0),
                (double) pct(rawSingle, 50) / pct(readySingle, 50)), "");
        report.row("progress, " + clients + " clients p50 / p95 / p99", concurrent.summary(), "p99 ≤ 30 ms");
        report.row("change → visible, " + changesPerSecond + " club snapshots/s × " + changeSeconds + " s", visible.summary(), "p99 ≤ 150 ms");
        poolRow(report, stagesRow(report, "club snapshots", visibleStages), beforeChanges, afterChanges);
        report.row("change → visible via registry's API, " + changesPerSecond + " members/s", throughRegistry.summary(), "p99 ≤ 150 ms");
        List<Long> posts = new ArrayList<>(postMillis);
        Collections.sort(posts);
        ObjectNode registrySection = stagesRow(report, "through registry", registryStages);
        poolRow(report, registrySection, registryPhase[0], afterRegistry);
        report.stage(posts.isEmpty() ? "    registry: POST —" : String.format(Locale.ROOT, "    registry: POST answered p50 %d / p99 %d ms (%,d)",
                pct(posts, 50), pct(posts, 99), posts.size()));
        List<Long> queued = new ArrayList<>(queuedMillis);
        Collections.sort(queued);
        report.stage(queued.isEmpty() ? "    benchmark: queued before sending —" : String.format(Locale.ROOT,
                "    benchmark: queued before sending p50 %d / p99 %d ms (the harness itself; should stay near 0)", pct(queued, 50), pct(queued, 99)));
        registrySection.put("postP50Millis", posts.isEmpty() ? -1 : pct(posts, 50))
                .put("postP99Millis", posts.isEmpty() ? -1 : pct(posts, 99))
                .put("queuedP50Millis", queued.isEmpty() ? -1 : pct(queued, 50)).put("queuedP99Millis", queued.isEmpty() ? -1 : pct(queued, 99));
        poolRow(report, stagesRow(report, "changes during the rebuild", rebuildStages), beforeRebuild, afterRebuildScrape);
        for (String service : afterLoad.keySet()) {
            report.row(service + ": RSS after load / after rebuild", BenchReport.mb(afterLoad.get(service).rssBytes()) + " / "
                    + BenchReport.mb(afterRebuild.get(service).rssBytes()) + ", peak " + BenchReport.mb(afterRebuild.get(service).hwmBytes()), "≤ 300 MB");
        }
        for (String service : afterRebuild.keySet()) {
            report.row(service + " after the rebuild", afterRebuild.get(service).summary(), "");
        }
        report.row("reporting after the outage's catch-up", reportingAfterOutage.summary(), "");
        if (!rebuild.statusDocument()) {
            report.note("reporting has no GET /api/v1/admin/rebuild yet: the rebuild's end is when progress is whole again, and the events "
                    + "replayed are those the raw consumer read.");
        }
        // Each change of the three flows in sending order, to see whether the slowest come together.
        report.file("changes-club-snapshots.csv", visible.inOrderCsv());
        report.file("changes-through-registry.csv", throughRegistry.inOrderCsv());
        report.file("changes-during-rebuild.csv", rebuild.flow().inOrderCsv());
        report.write(Path.of("target"));
        say("figures in target/benchmark.txt and target/benchmark.json, each change of the flows in target/changes-*.csv");
        LOG.info("\n" + report.table());
    }

    /**
     * What reporting did back from an outage: the events published while it was stopped, whether it ended by itself
     * (else it was killed after 30 s), the publishing, its start until ready and until progress showed them all, and
     * what progress showed when it answered ready (the contributions among them estimated from the money).
     */
    private record Outage(long events, boolean stoppedByItself, long publishNanos, long readyNanos, long caughtUpNanos,
                          long clubsAppliedWhenReady, long receivedVndAppliedWhenReady, double eventsAppliedWhenReady) {
        double perSecond() {
            return events * 1e9 / caughtUpNanos;
        }

        double perSecondAfterReady() {
            return (events - eventsAppliedWhenReady) * 1e9 / (caughtUpNanos - readyNanos);
        }

        void toJson(ObjectNode node, double rawConsumerPerSecond) {
            node.put("events", events).put("stoppedByItself", stoppedByItself).put("publishSeconds", publishNanos / 1e9)
                    .put("startToReadySeconds", readyNanos / 1e9).put("startToCaughtUpSeconds", caughtUpNanos / 1e9)
                    .put("eventsPerSecond", perSecond()).put("ratioToRawConsumer", perSecond() / rawConsumerPerSecond)
                    .put("clubsAppliedWhenReady", clubsAppliedWhenReady).put("receivedVndAppliedWhenReady", receivedVndAppliedWhenReady)
                    .put("eventsAppliedWhenReadyEstimated", eventsAppliedWhenReady).put("eventsPerSecondAfterReady", perSecondAfterReady());
        }

        String summary() {
            return String.format(Locale.ROOT, "%s (%,d events published while it was stopped, applied %.1f s after its start; ready after %.1f s, %s from then%s)",
                    BenchReport.rate(perSecond()), events, caughtUpNanos / 1e9, readyNanos / 1e9, BenchReport.rate(perSecondAfterReady()),
                    stoppedByItself ? "" : "; KILLED after 30 s, not stopped");
        }
    }

    /**
     * Stops reporting while new clubs and contributions are published, starts it again and times it from its start
     * until progress, which showed {@code before}, shows them all. Unlike the load's catch-up, nothing is published
     * meanwhile: reporting takes up from its committed offsets, as after a night's outage.
     */
    private static Outage backFromOutage(SuiteAccess suite, Machine machine, HttpClient http, String progressUrl, String token, JsonNode before,
                                         int clubs, int members, int contributions) throws Exception {
        say(String.format("back from an outage: reporting stopped, %d clubs and %d contributions published, reporting started again", clubs, contributions));
        machine.beforeStopping();
        boolean stoppedByItself = suite.stopReporting();
        long publishStart = System.nanoTime();
        long received;
        try (KafkaProducer<String, String> producer = producer(suite, 20)) {
            // a seed of its own: the events before depend on how long the flows ran
            received = publishLoad(producer, new Random(2018), clubs, members, contributions);
        }
        long publishNanos = System.nanoTime() - publishStart;
        long restart = System.nanoTime();
        suite.startReporting();
        long readyNanos = System.nanoTime() - restart;
        long clubsBefore = before.at("/province/clubs/active").asLong();
        long receivedBefore = before.at("/province/contributions/receivedVnd").asLong();
        // What was applied before reporting answered ready (its consumers may start before its HTTP server listens).
        JsonNode whenReady = JSON.readTree(get(http, progressUrl, token));
        long clubsWhenReady = whenReady.at("/province/clubs/active").asLong() - clubsBefore;
        long receivedWhenReady = whenReady.at("/province/contributions/receivedVnd").asLong() - receivedBefore;
        JsonNode caughtUp = awaitApplied(http, progressUrl, token, clubsBefore + clubs, receivedBefore + received);
        long caughtUpNanos = System.nanoTime() - restart;
        assertEquals(clubsBefore + clubs, caughtUp.at("/province/clubs/active").asLong(), "clubs after the outage");
        assertEquals(receivedBefore + received, caughtUp.at("/province/contributions/receivedVnd").asLong(), "VND after the outage");
        say(String.format("caught up %.1f s after reporting's start", caughtUpNanos / 1e9));
        return new Outage(clubs + (long) contributions, stoppedByItself, publishNanos, readyNanos, caughtUpNanos, clubsWhenReady, receivedWhenReady,
                clubsWhenReady + contributions * (double) receivedWhenReady / received);
    }

    /** Publishes clubs (one snapshot each, with its members) and contributions as registry and funding would; returns the VND they add. */
    private static long publishLoad(KafkaProducer<String, String> producer, Random random, int clubs, int members, int contributions) {
        for (int c = 0; c < clubs; c++) {
            publishClub(producer, random, members);
        }
        long receivedAdded = 0;
        for (int i = 0; i < contributions; i++) {
            UUID id = UUID.randomUUID();
            ObjectNode event = contribution(id, random);
            receivedAdded += event.at("/data/contribution/amountVnd").asLong();
            producer.send(new ProducerRecord<>("funding.contributions.v1", id.toString(), event.toString()));
        }
        return receivedAdded;
    }

    /**
     * Reads progress every 200 ms until the province counts at least {@code clubs} active clubs and {@code receivedVnd}; returns
     * that answer. Fails after 15 minutes (a national load took under 2) with the figures reached.
     */
    private static JsonNode awaitApplied(HttpClient http, String progressUrl, String token, long clubs, long receivedVnd) throws Exception {
        JsonNode answer = null;
        long started = System.nanoTime();
        long lastSaid = started;
        do {
            if (answer != null && System.nanoTime() - started > 900_000_000_000L) {
                throw new AssertionError(String.format("after 15 minutes progress shows %d of %d clubs and %d of %d VND",
                        answer.at("/province/clubs/active").asLong(), clubs, answer.at("/province/contributions/receivedVnd").asLong(), receivedVnd));
            }
            Thread.sleep(200);
            answer = JSON.readTree(get(http, progressUrl, token));
            if (System.nanoTime() - lastSaid > 30_000_000_000L) {
                lastSaid = System.nanoTime();
                say(String.format("applied so far: %d of %d clubs, %d of %d VND", answer.at("/province/clubs/active").asLong(), clubs,
                        answer.at("/province/contributions/receivedVnd").asLong(), receivedVnd));
            }
        } while (answer.at("/province/clubs/active").asLong() < clubs
                || answer.at("/province/contributions/receivedVnd").asLong() < receivedVnd);
        return answer;
    }

    private static void publishClub(KafkaProducer<String, String> producer, Random random, int members) {
        UUID id = UUID.randomUUID();
        producer.send(new ProducerRecord<>("registry.club-snapshots.v1", id.toString(), club(id, random, members).toString()));
    }

    /** Each service's memory now, in the report's JSON under memory.{moment}. */
    private static Map<String, ServiceMemory> memory(HttpClient http, SuiteAccess suite, BenchReport report, String moment) throws Exception {
        Map<String, ServiceMemory> readings = new LinkedHashMap<>();
        for (Map.Entry<String, Map.Entry<Long, String>> service : suite.serviceProcesses().entrySet()) {
            ServiceMemory reading = ServiceMemory.read(http, service.getKey(), service.getValue().getKey(), service.getValue().getValue());
            readings.put(service.getKey(), reading);
            reading.toJson(report.section("memory").withObject("/" + moment).putObject(service.getKey()));
            say(moment + ": " + service.getKey() + " " + reading.summary());
            if (String.join(" ", suite.serviceJvmOptions(service.getKey())).contains("NativeMemoryTracking")) {
                // started with -XX:NativeMemoryTracking (-Dishc.jvmOptions): the JVM's own account of its native memory
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(service.getValue().getKey()), "VM.native_memory", "summary").redirectErrorStream(true).start();
                java.nio.file.Files.write(Path.of("target", "nmt-" + moment + "-" + service.getKey() + ".txt"), jcmd.getInputStream().readAllBytes());
                jcmd.waitFor();
            }
        }
        return readings;
    }

    /** A progress line for whoever runs the benchmark (./ishc bench shows the lines holding [bench]). */
    private static void say(String line) {
        LOG.info("[bench] " + line);
    }

    /** The stages of a club snapshot sent straight to Kafka, on its way to progress. */
    private static final List<StageTimes.Stage> CLUB_STAGES = List.of(
            new StageTimes.Stage("reporting: sent → batch began", "reporting", "ishc_projection_event_wait", "registry.club-snapshots.v1"),
            new StageTimes.Stage("reporting: sent → batch committed", "reporting", "ishc_projection_event_age", "registry.club-snapshots.v1"),
            new StageTimes.Stage("reporting: batch transaction", "reporting", "ishc_projection_batch_apply", "registry.club-snapshots.v1"),
            new StageTimes.Stage("reporting: commit → stamp moved", "reporting", "ishc_progress_stamp_after_commit", null),
            new StageTimes.Stage("reporting: progress computed", "reporting", "ishc_progress_compute", null),
            new StageTimes.Stage("funding (beside): sent → batch committed", "funding", "ishc_replica_event_age", "registry.club-snapshots.v1"),
            new StageTimes.Stage("reporting: collection pauses", "reporting", "jvm_gc_pause", null),
            new StageTimes.Stage("registry: collection pauses", "registry", "jvm_gc_pause", null));

    /** The same with registry's write and outbox in front. */
    private static final List<StageTimes.Stage> REGISTRY_STAGES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(new StageTimes.Stage("registry: outbox written → acknowledged", "registry", "ishc_outbox_delay", null)),
            CLUB_STAGES.stream()).toList();

    private static ObjectNode stagesRow(BenchReport report, String phase, List<StageTimes.Between> stages) {
        report.stage("  " + phase + ":");
        ObjectNode section = report.section("stages").putObject(phase);
        for (StageTimes.Between stage : stages) {
            report.stage("    " + stage.summary());
            stage.toJson(section.putObject(stage.stage()));
        }
        return section;
    }

    /** Reporting's waits for a pooled connection and failed stamp reads over the phase (the pool's agroal_* metrics). */
    private static void poolRow(BenchReport report, ObjectNode section, StageTimes.Scrape before, StageTimes.Scrape after) {
        double acquired = StageTimes.value(after, "reporting", "agroal_acquire_count_total") - StageTimes.value(before, "reporting", "agroal_acquire_count_total");
        double blocked = StageTimes.value(after, "reporting", "agroal_blocking_time_total_milliseconds")
                - StageTimes.value(before, "reporting", "agroal_blocking_time_total_milliseconds");
        double longest = StageTimes.value(after, "reporting", "agroal_blocking_time_max_milliseconds");
        double failures = StageTimes.value(after, "reporting", "ishc_progress_stamp_failures_total")
                - StageTimes.value(before, "reporting", "ishc_progress_stamp_failures_total");
        report.stage(String.format(Locale.ROOT, "    reporting: %,.0f connections taken from the pool, %,.0f ms waited for them in all "
                + "(longest wait since start %,.0f ms); %,.0f stamp reads failed", acquired, blocked, longest, failures));
        section.put("poolAcquired", acquired).put("poolBlockedMillis", blocked).put("poolLongestWaitSinceStartMillis", longest)
                .put("stampReadFailures", failures);
    }

    private static ChangeVisibility.Result throughRegistry(SuiteAccess suite, HttpClient http, String progressUrl, String viewer, int perSecond, int warmupSeconds,
                                                           int seconds, List<Long> postMillis, List<Long> queuedMillis, Callable<?> afterWarmUp)
            throws Exception {
        String officer = suite.token("district-officer", "164");
        List<String> clubs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String body = "{\"name\":\"CLB đo tải " + UUID.randomUUID().toString().substring(0, 8) + "\",\"communeCode\":\"05437\","
                    + "\"establishedOn\":\"2017-03-01\"}";
            clubs.add(JSON.readTree(post(http, suite.registryUrl() + "/api/v1/clubs", officer, body)).path("id").asText());
        }
        Thread.sleep(3000); // let the new clubs reach reporting
        // Requests go out on a pool wide enough to keep the rate while answers are slow: with 8 threads and
        // answers of 160 ms under load, requests queued here for seconds and were counted as registry's latency.
        ExecutorService senders = Executors.newFixedThreadPool(32);
        ChangeVisibility.Sender addMember = n -> {
            String body = "{\"fullName\":\"Người đo tải " + n + "\",\"gender\":\"FEMALE\",\"birthYear\":1950,"
                    + "\"householdStatus\":\"NONE\",\"joinedOn\":\"2018-01-01\"}";
            long submitted = System.nanoTime();
            senders.submit(() -> {
                long begin = System.nanoTime();
                queuedMillis.add((begin - submitted) / 1_000_000);
                String answer = post(http, suite.registryUrl() + "/api/v1/clubs/" + clubs.get(n % clubs.size()) + "/members", officer, body);
                postMillis.add((System.nanoTime() - begin) / 1_000_000);
                return answer;
            });
        };
        try {
            // A first pass warms registry's write path (JIT, pools) and is not counted.
            ChangeVisibility.measure(progressUrl, viewer, "/province/members/active", perSecond,
                    perSecond * warmupSeconds, addMember);
            postMillis.clear();
            queuedMillis.clear();
            afterWarmUp.call();
            return ChangeVisibility.measure(progressUrl, viewer, "/province/members/active", perSecond, perSecond * seconds, addMember);
        } finally {
            senders.shutdown();
        }
    }

    private static String post(HttpClient http, String url, String token, String json) throws Exception {
        return ServiceCalls.post(http, url, token, json);
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        return ServiceCalls.get(http, url, token);
    }

    private static KafkaProducer<String, String> producer(SuiteAccess suite, int lingerMs) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, lingerMs), new StringSerializer(), new StringSerializer());
    }

    private static long pct(List<Long> sorted, int percentile) {
        return Percentiles.of(sorted, percentile);
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
