package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A full rebuild of reporting's projection by replay, timed through its status document
 * (POST then GET /api/v1/admin/rebuild until SWITCHED or FAILED), while progress is read every
 * 200 ms and checked against the figures from before the rebuild, and while new clubs flow.
 */
final class RebuildRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofMinutes(20);

    /**
     * What progress answered during the rebuild: every answer, those that failed (not 200, or no
     * answer), were empty (no districts, no clubs) or differed from the figures before the rebuild
     * beyond what the flow of new clubs added meanwhile; and the slowest answer.
     */
    record Watch(int answers, int failed, int empty, int differing, long p99Millis, long maxMillis, List<String> firstProblems) {
        boolean throughout() {
            return answers > 0 && failed == 0 && empty == 0 && differing == 0;
        }

        ObjectNode toJson(ObjectNode node) {
            node.put("answers", answers).put("failed", failed).put("empty", empty).put("differing", differing).put("p99Millis", p99Millis)
                    .put("maxMillis", maxMillis).put("answeredThroughout", throughout());
            firstProblems.forEach(node.withArray("firstProblems")::add);
            return node;
        }
    }

    /**
     * How the rebuild ended: its state, generation, events the replay applied, its duration (from the
     * POST to the switch); whether reporting's status document gave them, else how the end was found.
     */
    record Outcome(String state, long generation, long eventsReplayed, long millis, boolean statusDocument, String document, Watch watch,
                   ChangeVisibility.Result flow) {
        double eventsPerSecond() {
            return millis <= 0 ? 0 : eventsReplayed * 1000.0 / millis;
        }
    }

    private RebuildRun() {
    }

    /**
     * @param eventsInTopics what the raw consumer read: the replay's event count when reporting's status document does not give it
     * @param flow           sends new club number i (with {@code membersPerClub} members) during the rebuild, at {@code perSecond}
     *                       for {@code flowSeconds} at most (less when the rebuild ends sooner): a flow that lasted as long as
     *                       the rebuild would never let a rebuild slower than the flow end
     */
    static Outcome run(HttpClient http, String reportingUrl, String admin, String viewer, String progressUrl, long eventsInTopics,
                       int perSecond, int flowSeconds, int membersPerClub, ChangeVisibility.Sender flow) throws Exception {
        JsonNode before = JSON.readTree(ServiceCalls.get(http, progressUrl, viewer));
        AtomicInteger flowSent = new AtomicInteger();
        Object lock = new Object();
        String[] end = {null, null}; // state, status document
        long[] endedAt = {0};
        boolean[] stop = {false};

        // Progress read every 200 ms throughout.
        List<Long> answerMillis = Collections.synchronizedList(new ArrayList<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        int[] counts = new int[4]; // answers, failed, empty, differing
        Thread reader = new Thread(() -> {
            while (!stopped(lock, stop)) {
                long t = System.nanoTime();
                String problem = null;
                int kind = 0;
                try {
                    HttpResponse<String> response = ServiceCalls.send(http, progressUrl, viewer, null);
                    answerMillis.add((System.nanoTime() - t) / 1_000_000);
                    if (response.statusCode() != 200) {
                        kind = 1;
                        problem = "HTTP " + response.statusCode();
                    } else {
                        JsonNode now = JSON.readTree(response.body());
                        int sent = flowSent.get();
                        if (now.path("districts").size() == 0 || now.at("/province/clubs/active").asLong() == 0) {
                            kind = 2;
                            problem = "empty figures";
                        } else {
                            problem = difference(before, now, sent, membersPerClub);
                            kind = problem == null ? 0 : 3;
                        }
                    }
                } catch (Exception e) {
                    kind = 1;
                    problem = e.toString();
                }
                synchronized (counts) {
                    counts[0]++;
                    if (kind > 0) {
                        counts[kind]++;
                        if (problems.size() < 5) {
                            problems.add(problem);
                        }
                    }
                }
                sleepUntil(t + 200_000_000L);
            }
        }, "bench-progress-reader");
        reader.start();

        long started = System.nanoTime();
        HttpResponse<String> post = ServiceCalls.send(http, reportingUrl + "/api/v1/admin/rebuild", admin, "{}");
        if (post.statusCode() != 202 && post.statusCode() != 200) {
            synchronized (lock) {
                stop[0] = true;
            }
            throw new IllegalStateException("POST /api/v1/admin/rebuild answered " + post.statusCode() + ": " + post.body());
        }
        long generation = JSON.readTree(post.body()).path("generation").asLong(-1);

        // The rebuild's own status, every 250 ms; reporting without it (before issue 14): the end is when progress is whole again.
        boolean[] statusDocument = {true};
        Thread follower = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(250);
                    String state = null;
                    String document = null;
                    HttpResponse<String> status = ServiceCalls.send(http, reportingUrl + "/api/v1/admin/rebuild", admin, null);
                    if (status.statusCode() == 200 && statusDocument[0]) {
                        JsonNode doc = JSON.readTree(status.body());
                        if (doc.path("generation").asLong(-1) == generation || generation < 0) {
                            state = switch (doc.path("state").asText()) {
                                case "SWITCHED", "FAILED" -> doc.path("state").asText();
                                default -> null;
                            };
                            document = status.body();
                        }
                    } else if (status.statusCode() == 404 || status.statusCode() == 405 || !statusDocument[0]) {
                        statusDocument[0] = false;
                        JsonNode now = JSON.readTree(ServiceCalls.get(http, progressUrl, viewer));
                        if (now.path("districts").size() > 0
                                && now.at("/province/contributions/receivedVnd").asLong() >= before.at("/province/contributions/receivedVnd").asLong()
                                && now.at("/province/clubs/active").asLong() >= before.at("/province/clubs/active").asLong() + flowSent.get() - perSecond) {
                            state = "WHOLE AGAIN";
                        }
                    }
                    if (state == null && System.nanoTime() - started > LIMIT.toNanos()) {
                        state = "TIMED OUT";
                    }
                    if (state != null) {
                        synchronized (lock) {
                            endedAt[0] = System.nanoTime();
                            end[0] = state;
                            end[1] = document;
                        }
                        return;
                    }
                }
            } catch (Exception e) {
                synchronized (lock) {
                    endedAt[0] = System.nanoTime();
                    end[0] = "ERROR " + e;
                }
            }
        }, "bench-rebuild-follower");
        follower.start();

        ChangeVisibility.Result during = ChangeVisibility.measure(progressUrl, viewer, "/province/clubs/active", perSecond,
                perSecond * flowSeconds, () -> {
                    synchronized (lock) {
                        return end[0] == null;
                    }
                }, i -> {
                    flow.send(i);
                    flowSent.incrementAndGet();
                });
        follower.join();
        synchronized (lock) {
            stop[0] = true;
        }
        reader.join();

        List<Long> sorted = new ArrayList<>(answerMillis);
        Collections.sort(sorted);
        Watch watch = new Watch(counts[0], counts[1], counts[2], counts[3], sorted.isEmpty() ? -1 : Percentiles.of(sorted, 99),
                sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1), List.copyOf(problems));
        long replayed = eventsInTopics;
        if (end[1] != null) {
            replayed = JSON.readTree(end[1]).path("eventsReplayed").asLong(eventsInTopics);
        }
        return new Outcome(end[0], generation, replayed, (endedAt[0] - started) / 1_000_000, statusDocument[0], end[1], watch, during);
    }

    /**
     * Why an answer differs from the figures before the rebuild, or null: money is untouched by the
     * flow and must be equal; clubs and members may only have grown, by at most what the flow sent.
     */
    private static String difference(JsonNode before, JsonNode now, int sent, int membersPerClub) {
        String money = "/province/contributions/receivedVnd";
        if (now.at(money).asLong() != before.at(money).asLong()) {
            return "receivedVnd " + now.at(money).asLong() + " instead of " + before.at(money).asLong();
        }
        long clubs = now.at("/province/clubs/active").asLong() - before.at("/province/clubs/active").asLong();
        if (clubs < 0 || clubs > sent + 1) {
            return "clubs.active " + now.at("/province/clubs/active").asLong() + " with " + sent + " new clubs sent, "
                    + before.at("/province/clubs/active").asLong() + " before";
        }
        long members = now.at("/province/members/active").asLong() - before.at("/province/members/active").asLong();
        if (members < 0 || members > (long) (sent + 1) * membersPerClub) {
            return "members.active " + now.at("/province/members/active").asLong() + ", " + before.at("/province/members/active").asLong() + " before";
        }
        if (now.path("districts").size() != before.path("districts").size()) {
            return now.path("districts").size() + " districts instead of " + before.path("districts").size();
        }
        return null;
    }

    private static boolean stopped(Object lock, boolean[] stop) {
        synchronized (lock) {
            return stop[0];
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
