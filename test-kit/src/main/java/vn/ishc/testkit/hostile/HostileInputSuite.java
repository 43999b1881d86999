package vn.ishc.testkit.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Sends a service thousands of invalid requests generated from its own OpenAPI document and checks
 * what a hostile or careless client must get: never a 5xx, never a 2xx; always a problem+json
 * document, naming the faulty field where one field is at fault; nothing written (the row counts
 * the service gives stay the same); the service still ready. The seed is fixed (override with
 * {@code -Dhostile.seed=N}) and printed, so a failure can be replayed exactly.
 */
public final class HostileInputSuite {

    public static final long DEFAULT_SEED = 20_171_015L;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HostileInputSuite.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHECK_EVERY = 100;

    private final URI base;
    private final String token;
    private BiFunction<String, String, String> pathValues = (path, name) -> null;
    private final Map<String, JsonNode> baselines = new HashMap<>();
    private Supplier<Map<String, Long>> rowCounts = Map::of;
    private int atLeast = 2_000;

    private HostileInputSuite(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A suite against the service at {@code base}, sending {@code token} as bearer on every request. */
    public static HostileInputSuite against(URI base, String token) {
        return new HostileInputSuite(base, token);
    }

    /** Values for path parameters: (path template, parameter name) → value. */
    public HostileInputSuite pathValues(BiFunction<String, String, String> values) {
        this.pathValues = values;
        return this;
    }

    /** A valid body for an operation ("POST /api/v1/clubs"), used instead of the document's example. */
    public HostileInputSuite baseline(String operation, String json) {
        baselines.put(operation, HostileCases.parse(json));
        return this;
    }

    /** The counts of every table a write could touch; compared before and after. */
    public HostileInputSuite rowCounts(Supplier<Map<String, Long>> counts) {
        this.rowCounts = counts;
        return this;
    }

    public HostileInputSuite atLeast(int cases) {
        this.atLeast = cases;
        return this;
    }

    public Report run() throws IOException, InterruptedException {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        JsonNode document = JSON.readTree(send(http, HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).GET().build()).body());
        List<ApiOperation> operations = new OpenApiReader(document).operations().stream()
                .filter(op -> op.hasBody() || !op.query().isEmpty())
                .toList();
        List<HostileCase> cases = new HostileCases(operations, pathValues, baselines).build(seed, atLeast);

        Report report = new Report(seed, operations.size(), atLeast);
        Map<String, Long> before = new TreeMap<>(rowCounts.get());
        for (int i = 0; i < cases.size(); i++) {
            HostileCase hostile = cases.get(i);
            report.check(hostile, send(http, request(hostile)));
            if ((i + 1) % CHECK_EVERY == 0 || i + 1 == cases.size()) {
                Map<String, Long> now = new TreeMap<>(rowCounts.get());
                if (!now.equals(before)) {
                    report.fail("cases " + (i + 2 - CHECK_EVERY) + "–" + (i + 1), "rows changed: " + before + " → " + now);
                    before = now;
                }
                int ready = send(http, HttpRequest.newBuilder(base.resolve("/q/health/ready")).GET().build()).statusCode();
                if (ready != 200) {
                    report.fail("after case " + (i + 1), "readiness answered " + ready);
                }
            }
        }
        LOG.info(report.summary());
        return report;
    }

    private HttpRequest request(HostileCase hostile) {
        String target = hostile.path() + (hostile.rawQuery() == null ? "" : "?" + hostile.rawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "vi");
        hostile.headers().forEach(request::header);
        HttpRequest.BodyPublisher body = hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(hostile.body());
        return request.method(hostile.method(), body).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What the run saw: cases by status, and every case that broke a rule. */
    public static final class Report {

        private final long seed;
        private final int operations;
        private final int wanted;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private int cases;

        Report(long seed, int operations, int wanted) {
            this.seed = seed;
            this.operations = operations;
            this.wanted = wanted;
        }

        /** Fails the test, with every broken rule and the seed, unless all the wanted cases ran and none broke a rule. */
        public void assertClean() {
            org.junit.jupiter.api.Assertions.assertTrue(cases >= wanted, "at least " + wanted + " cases: " + cases);
            org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), this::summary);
        }

        void check(HostileCase hostile, HttpResponse<String> response) {
            cases++;
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status < 400 || status >= 500) {
                fail(hostile.toString(), "answered " + status + ": " + excerpt(response.body()));
            } else if (!type.startsWith("application/problem+json")) {
                fail(hostile.toString(), "answered " + status + " as " + type + ", not problem+json");
            } else if (status == 400 && !hostile.faultyFields().isEmpty() && !namesAField(response.body(), hostile.faultyFields())) {
                fail(hostile.toString(), "a 400 that does not name " + hostile.faultyFields() + ": " + excerpt(response.body()));
            } else if (!hostile.faultyFields().isEmpty() && status != 400) {
                fail(hostile.toString(), "answered " + status + " for an invalid field: " + excerpt(response.body()));
            }
        }

        void fail(String where, String what) {
            failures.add(where + ": " + what);
        }

        private static boolean namesAField(String body, Set<String> fields) {
            try {
                for (JsonNode error : JSON.readTree(body).path("errors")) {
                    String named = error.path("field").asText();
                    for (String field : fields) {
                        if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
                            return true;
                        }
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }

        private static String excerpt(String body) {
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }

        public String summary() {
            StringBuilder text = new StringBuilder("hostile-input suite, seed " + seed + " (rerun with -Dhostile.seed=" + seed + "): "
                    + cases + " invalid requests over " + operations + " operations, statuses " + statuses + ", "
                    + failures.size() + " failures");
            failures.stream().limit(40).forEach(f -> text.append("\n  - ").append(f));
            if (failures.size() > 40) {
                text.append("\n  … and ").append(failures.size() - 40).append(" more");
            }
            return text.toString();
        }
    }
}
