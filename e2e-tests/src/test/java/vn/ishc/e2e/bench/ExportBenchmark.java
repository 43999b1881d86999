package vn.ishc.e2e.bench;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import vn.ishc.e2e.SuiteAccess;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports the member list of a province-sized registry (default 10,000 clubs × 60 members) through
 * registry's API as CSV and as a workbook, each twice, while sampling registry's heap from its
 * metrics every 100 ms; the baseline is PostgreSQL's own COPY of the same rows (same query) in the
 * same run. Figures go to target/benchmark-export.txt. Rows are written straight into registry's
 * database (an export reads the database only). Not a pass/fail test beyond "the file has every row".
 */
class ExportBenchmark {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)", Pattern.MULTILINE);

    @Test
    void exportingTheMemberListKeepsTheHeapBounded() throws Exception {
        int clubs = Integer.getInteger("bench.clubs", 10_000);
        int members = Integer.getInteger("bench.members", 60);
        SuiteAccess suite = SuiteAccess.start();
        String[] db = suite.registryDatabase();
        long loadStart = System.nanoTime();
        try (Connection sql = DriverManager.getConnection(db[0], db[1], db[2]); Statement s = sql.createStatement()) {
            s.execute("""
                    insert into club (id, name, search_name, commune_code, district_code, province_code, established_on, status, version,
                                      created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), 'CLB thử xuất ' || n, 'clb thu xuat ' || n, '05437', '164', '19', date '2018-01-01', 'ACTIVE', 1,
                           now(), 'bench', now(), 'bench'
                    from generate_series(1, %d) n""".formatted(clubs));
            s.execute("""
                    insert into member (id, club_id, full_name, search_name, gender, birth_year, household_status, joined_on, status, version,
                                        created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), c.id, 'Hội viên ' || n, 'hoi vien ' || n, case when mod(n, 3) = 0 then 'MALE' else 'FEMALE' end,
                           1940 + mod(n, 50), 'NONE', date '2018-02-01', 'ACTIVE', 1, now(), 'bench', now(), 'bench'
                    from club c cross join generate_series(1, %d) n where c.created_by = 'bench'""".formatted(members));
            s.execute("analyze club; analyze member");
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long rows = (long) clubs * members;
        String admin = suite.token("province-admin");
        HttpClient http = HttpClient.newHttpClient();
        double idleHeap = heapMb(http, suite.registryUrl());

        List<String> lines = new ArrayList<>();
        lines.add("Export benchmark: " + clubs + " clubs × " + members + " members = " + rows + " rows written in " + String.format("%.1f", loadSeconds)
                + " s; registry -Xmx384m; heap " + String.format("%.0f", idleHeap) + " MB before the exports");
        for (int run = 1; run <= 2; run++) {
            long copyStart = System.nanoTime();
            long copied;
            try (Connection sql = DriverManager.getConnection(db[0], db[1], db[2])) {
                copied = sql.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                        copy (select m.id, c.id, c.name, c.commune_code, c.district_code, m.full_name, m.gender, m.birth_date, m.birth_year,
                                     m.household_status, m.household_status_year, m.ethnic_minority, m.phone, m.joined_on, m.left_on, m.status
                              from member m join club c on c.id = m.club_id where c.district_code = '164'
                              order by c.district_code, c.commune_code, c.search_name, c.id, m.search_name, m.id) to stdout with csv header""",
                        OutputStream.nullOutputStream());
            }
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            lines.add(String.format("run %d: COPY of the same query: %d rows in %.1f s (%.0f rows/s)", run, copied, copySeconds, copied / copySeconds));
            for (String format : List.of("csv", "xlsx")) {
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong peak = new AtomicLong();
                Thread sampler = new Thread(() -> {
                    while (running.get()) {
                        try {
                            peak.accumulateAndGet((long) heapMb(http, suite.registryUrl()), Math::max);
                            Thread.sleep(100);
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                sampler.start();
                long start = System.nanoTime();
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                                URI.create(suite.registryUrl() + "/api/v1/exports/members." + format + "?districtCode=164"))
                        .header("Authorization", "Bearer " + admin).timeout(Duration.ofMinutes(10)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long bytes;
                Path file = Files.createTempFile("export", "." + format);
                try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
                    bytes = in.transferTo(out);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                running.set(false);
                sampler.join();
                // the CSV's lines are counted; the workbook is only checked to have been answered (reading 600,000 rows back is a test of its own)
                long exported = format.equals("csv") ? Files.lines(file).count() - 1 : rows;
                Files.delete(file);
                assertTrue(response.statusCode() == 200 && exported == rows, format + ": " + response.statusCode() + ", " + exported + " rows");
                lines.add(String.format("run %d: API %s: %d rows, %.1f MB in %.1f s (%.0f rows/s, %.0f%% of COPY's rate); registry heap peak %d MB",
                        run, format, rows, bytes / 1e6, seconds, rows / seconds, 100 * (rows / seconds) / (copied / copySeconds), peak.get()));
            }
        }
        Path report = Path.of("target", "benchmark-export.txt");
        Files.write(report, lines);
    }

    /** Registry's heap in use now (all heap pools), in MB, from its Prometheus metrics. */
    private static double heapMb(HttpClient http, String registry) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(registry + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        double bytes = 0;
        Matcher m = HEAP.matcher(metrics);
        while (m.find()) {
            bytes += Double.parseDouble(m.group(1));
        }
        return bytes / 1e6;
    }
}
