package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import vn.ishc.e2e.SuiteAccess;

import java.io.StringReader;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports a province's member list (default 250 clubs × 60 members = 15,000 rows) through registry's
 * API, as a province admin: upload (the dry run) until READY, commit until COMMITTED, and until the
 * province's progress in reporting shows every club and member. The baseline, measured in the same run
 * just before each import, is PostgreSQL's COPY of the same member rows (the columns an import writes)
 * into registry's member table, for clubs registered for it, in a transaction that is rolled back.
 * Three imports, each of new clubs: the workbook (the first import of the JVM), the same people as CSV,
 * and the workbook again (warm). Registry's heap is sampled every 100 ms. Figures go to the log and to
 * target/benchmark-import.txt. Not a pass/fail test beyond "every row was written and counted".
 * Run: ./mvnw -Pbenchmark -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImportBenchmark
 */
class ImportBenchmark {

    private static final Logger LOG = Logger.getLogger(ImportBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)", Pattern.MULTILINE);
    private static final long POLL_MILLIS = 250;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SuiteAccess suite;
    private String admin;

    @Test
    void importingAProvinceMemberList() throws Exception {
        int clubs = Integer.getInteger("bench.importClubs", 250);
        int members = Integer.getInteger("bench.importMembers", 60);
        suite = SuiteAccess.start();
        admin = suite.token("province-admin");
        List<MemberList.Commune> communes = communes();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Import benchmark: %d clubs × %d members = %d rows a file, spread over %d communes (those in force in 2018); registry -Xmx384m; heap %.0f MB before",
                clubs, members, clubs * members, Math.min(clubs, communes.size()), heapMb()));
        String[] variants = {"xlsx", "csv", "xlsx"};
        for (int i = 0; i < variants.length; i++) {
            String format = variants[i];
            String label = (i + 1) + ". " + format + (i == 0 ? " (first import since registry started)" : i == 2 ? " (again, warm)" : "");
            MemberList list = new MemberList(communes, clubs, members, "lô " + UUID.randomUUID().toString().substring(0, 8));
            long buildStart = System.nanoTime();
            byte[] file = format.equals("xlsx") ? list.workbook() : list.csv();
            double buildSeconds = seconds(buildStart);
            Copy copy = copyBaseline(list);
            lines.add(String.format("%s: baseline COPY of the same %d member rows into member (rolled back): %.2f s, %.0f rows/s",
                    label, copy.rows(), copy.seconds(), copy.rows() / copy.seconds()));
            Timing t = importOnce(list, file, format);
            int rows = list.people.size();
            double copyRate = copy.rows() / copy.seconds();
            double commitRate = rows / t.commit();
            double endRate = rows / t.endToEnd();
            lines.add(String.format("%s: file %.2f MB (built in %.1f s, not counted); upload→READY %.1f s; commit→COMMITTED %.1f s; "
                            + "commit→visible in province progress %.1f s (COMMITTED→visible %.2f s); end to end %.1f s",
                    label, file.length / 1e6, buildSeconds, t.dryRun(), t.commit(), t.commitToVisible(), t.commitToVisible() - t.commit(), t.endToEnd()));
            lines.add(String.format("%s: commit %.0f rows/s = %.1f%% of COPY's rate; end to end %.0f rows/s = %.1f%% of COPY's rate; "
                            + "registry heap peak %d MB; job polls (GET /imports/{id}) %d, mean %.0f ms, max %.0f ms; answers: upload %d, commit %d",
                    label, commitRate, 100 * commitRate / copyRate, endRate, 100 * endRate / copyRate, t.heapPeakMb(), t.polls(),
                    t.pollMeanMs(), t.pollMaxMs(), t.uploadStatus(), t.commitStatus()));
            lines.subList(lines.size() - 3, lines.size()).forEach(LOG::info);
        }
        lines.add(writtenPerTable());
        LOG.info(lines.get(lines.size() - 1));
        Files.write(Path.of("target", "benchmark-import.txt"), lines);
        LOG.info("Import benchmark:\n" + String.join("\n", lines));
    }

    private record Timing(double dryRun, double commit, double commitToVisible, double endToEnd, long heapPeakMb, int polls,
                          double pollMeanMs, double pollMaxMs, int uploadStatus, int commitStatus) {
    }

    private record Copy(long rows, double seconds) {
    }

    /** Upload → READY → commit → COMMITTED → visible in the province's progress, with registry's heap sampled meanwhile. */
    private Timing importOnce(MemberList list, byte[] file, String format) throws Exception {
        int rows = list.people.size();
        int clubs = list.clubs.size();
        String progressUrl = suite.reportingUrl() + "/api/v1/programmes/TN-ISHC-2017-2020/progress?asOf=2020-12-31";
        JsonNode before = JSON.readTree(get(progressUrl));
        long membersBefore = before.at("/province/members/active").asLong();
        long clubsBefore = before.at("/province/clubs/active").asLong();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong heapPeak = new AtomicLong();
        AtomicLong visibleAt = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                try {
                    heapPeak.accumulateAndGet((long) heapMb(), Math::max);
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        }, "heap-sampler");
        // Reporting's progress is a cached document: polling it every 50 ms costs next to nothing.
        Thread watcher = new Thread(() -> {
            while (running.get() && visibleAt.get() == 0) {
                try {
                    JsonNode now = JSON.readTree(get(progressUrl));
                    if (now.at("/province/members/active").asLong() >= membersBefore + rows && now.at("/province/clubs/active").asLong() >= clubsBefore + clubs) {
                        visibleAt.set(System.nanoTime());
                        return;
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    LOG.warnf("progress watcher: %s", e.toString());
                    return;
                }
            }
        }, "progress-watcher");
        sampler.start();
        Poller poller = new Poller();
        try {
            long start = System.nanoTime();
            HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(suite.registryUrl() + "/api/v1/imports?kind=members&fileName=hoi-vien." + format))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", format.equals("xlsx") ? XLSX : "text/csv")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(uploaded.statusCode() == 201 || uploaded.statusCode() == 202, uploaded.statusCode() + " " + uploaded.body());
            JsonNode job = JSON.readTree(uploaded.body());
            String id = job.path("id").asText();
            job = poller.follow(id, job, "VALIDATING");
            long ready = System.nanoTime();
            assertEquals("READY", job.path("status").asText(), job.toString());
            if (job.at("/rows/invalid").asLong() != 0) {
                String errors = get(suite.registryUrl() + "/api/v1/imports/" + id + "/errors?size=100");
                LOG.errorf("the dry run found errors: %s", errors);
                Files.writeString(Path.of("target", "benchmark-import-errors.json"), errors);
                throw new AssertionError(job.path("rows") + ", first errors (also in target/benchmark-import-errors.json): " + errors);
            }
            assertEquals(rows, job.at("/rows/valid").asLong(), job.path("rows").toString());
            assertEquals(clubs, job.at("/plan/clubs/CREATE").asLong(), job.path("plan").toString());
            assertEquals(rows, job.at("/plan/members/CREATE").asLong(), job.path("plan").toString());

            watcher.start();
            long commitStart = System.nanoTime();
            HttpResponse<String> commit = http.send(HttpRequest.newBuilder(URI.create(suite.registryUrl() + "/api/v1/imports/" + id + "/commit"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString("{\"rows\":\"ALL\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(commit.statusCode() == 200 || commit.statusCode() == 202, commit.statusCode() + " " + commit.body());
            job = poller.follow(id, JSON.readTree(commit.body()), "COMMITTING");
            long committed = System.nanoTime();
            assertEquals("COMMITTED", job.path("status").asText(), job.toString());
            assertEquals(rows, job.at("/rows/written").asLong(), job.path("rows").toString());
            assertEquals(clubs, job.at("/result/clubs/CREATE").asLong(), job.path("result").toString());
            assertEquals(rows, job.at("/result/members/CREATE").asLong(), job.path("result").toString());

            watcher.join(Duration.ofMinutes(5).toMillis());
            assertTrue(visibleAt.get() != 0, "the import did not show in the province's progress within 5 minutes of COMMITTED");
            return new Timing((ready - start) / 1e9, (committed - commitStart) / 1e9, (visibleAt.get() - commitStart) / 1e9,
                    (visibleAt.get() - start) / 1e9, heapPeak.get(), poller.count, poller.count == 0 ? 0 : poller.totalMs / poller.count,
                    poller.maxMs, uploaded.statusCode(), commit.statusCode());
        } finally {
            running.set(false);
            sampler.join();
            watcher.join(1000);
        }
    }

    /** Follows a job as a client does: GET it every 250 ms while it is in the status; notes what each GET costs. */
    private final class Poller {
        int count;
        double totalMs;
        double maxMs;

        JsonNode follow(String id, JsonNode job, String whileStatus) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (whileStatus.equals(job.path("status").asText())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the import stayed " + whileStatus + ": " + job);
                }
                Thread.sleep(POLL_MILLIS);
                long t = System.nanoTime();
                job = JSON.readTree(get(suite.registryUrl() + "/api/v1/imports/" + id));
                double ms = (System.nanoTime() - t) / 1e6;
                count++;
                totalMs += ms;
                maxMs = Math.max(maxMs, ms);
            }
            return job;
        }
    }

    /**
     * PostgreSQL's COPY of the list's people into registry's member table, for clubs registered for it in the
     * same transaction, which is then rolled back: nothing stays. Only the COPY is timed.
     */
    private Copy copyBaseline(MemberList list) throws Exception {
        String[] db = suite.registryDatabase();
        String input = list.copyRows("bench-copy");
        try (Connection sql = DriverManager.getConnection(db[0], db[1], db[2])) {
            sql.setAutoCommit(false);
            try (PreparedStatement club = sql.prepareStatement("""
                    insert into club (id, name, search_name, commune_code, district_code, province_code, established_on, status, version,
                                      created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, '19', ?, 'ACTIVE', 1, now(), 'bench-copy', now(), 'bench-copy')""")) {
                for (MemberList.Club c : list.clubs) {
                    club.setObject(1, c.copyId());
                    club.setString(2, "COPY " + c.name());
                    club.setString(3, MemberList.fold("COPY " + c.name()));
                    club.setString(4, c.communeCode());
                    club.setString(5, c.districtCode());
                    club.setObject(6, c.establishedOn());
                    club.addBatch();
                }
                club.executeBatch();
            }
            long start = System.nanoTime();
            long copied = sql.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy member (" + MemberList.COPY_COLUMNS + ") from stdin with (format csv)", new StringReader(input));
            double seconds = seconds(start);
            sql.rollback();
            assertEquals(list.people.size(), copied);
            return new Copy(copied, seconds);
        }
    }

    /** What the imports left in registry's tables besides the members, to tell what a commit writes that COPY does not. */
    private String writtenPerTable() throws Exception {
        String[] db = suite.registryDatabase();
        try (Connection sql = DriverManager.getConnection(db[0], db[1], db[2]); Statement s = sql.createStatement();
             ResultSet r = s.executeQuery("""
                     select (select count(*) from member where created_by <> 'bench-copy'),
                            (select count(*) from club where created_by <> 'bench-copy'),
                            (select count(*) from change_log),
                            (select count(*) from outbox_event),
                            (select count(*) from import_row),
                            (select count(*) from member where created_by = 'bench-copy')""")) {
            r.next();
            return String.format("registry's tables after the imports: member %d, club %d, change_log %d, outbox_event %d, import_row %d; "
                    + "members left by the COPY baseline: %d", r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6));
        }
    }

    /** The communes in force on 2018-01-01 and still in 2019 (the clubs are founded in 2018), from registry's API. */
    private List<MemberList.Commune> communes() throws Exception {
        JsonNode units = JSON.readTree(get(suite.registryUrl() + "/api/v1/admin-units?level=COMMUNE&asOf=2018-01-01"));
        List<MemberList.Commune> communes = new ArrayList<>();
        for (JsonNode unit : units.isArray() ? units : units.path("items")) {
            String validTo = unit.path("validTo").asText(null);
            if (validTo == null || LocalDate.parse(validTo).isAfter(LocalDate.of(2019, 1, 1))) {
                communes.add(new MemberList.Commune(unit.path("code").asText(), unit.path("name").asText(), unit.path("parentCode").asText()));
            }
        }
        assertTrue(communes.size() > 100, "communes: " + communes.size());
        return communes;
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return response.body();
    }

    /** Registry's heap in use now (all heap pools), in MB, from its Prometheus metrics. */
    private double heapMb() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(suite.registryUrl() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        double bytes = 0;
        Matcher m = HEAP.matcher(metrics);
        while (m.find()) {
            bytes += Double.parseDouble(m.group(1));
        }
        return bytes / 1e6;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
