package vn.ishc.reporting.progress;

import vn.ishc.reporting.config.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.projection.AdminUnitProjection;
import vn.ishc.reporting.projection.ClubProjection;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The stream pushes new figures when a change lands; the series gives one point per period end. */
@QuarkusTest
class LiveProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/programmes/TN-ISHC-2017-2020/progress/stream?asOf=2019-06-30")
    URL stream;

    @Test
    void aNewClubIsPushedToListeners() throws Exception {
        EventSender.send(Topics.ADMIN_UNITS, "172", RegistryEvents.adminUnit("172", "Phổ Yên", "Thị xã Phổ Yên", "DISTRICT", "thi-xa", "19").toString());
        BlockingQueue<JsonNode> received = new ArrayBlockingQueue<>(100);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString())).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Tokens.viewer()).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        received.add(JSON.readTree(line.substring(5).trim()));
                    }
                }
            } catch (Exception ignored) {
                // the stream ends when the test closes it
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();

        JsonNode first = received.poll(20, TimeUnit.SECONDS);
        assertNotNull(first, "the current figures come at once");
        long before = first.at("/province/clubs/active").asLong();

        UUID club = UUID.randomUUID();
        EventSender.send(Topics.CLUB_SNAPSHOTS, club.toString(),
                RegistryEvents.club(club, 1, "172", "05854", "2018-02-01", null).toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long latest = before;
        while (latest != before + 1 && System.nanoTime() < deadline) {
            JsonNode next = received.poll(1, TimeUnit.SECONDS);
            if (next != null) {
                latest = next.at("/province/clubs/active").asLong();
            }
        }
        assertEquals(before + 1, latest, "the new club was pushed");
        response.body().close();
    }

    @Test
    void quarterlySeriesForCharts() {
        given().auth().oauth2(Tokens.viewer()).queryParam("period", "QUARTER").queryParam("from", "2017-01-01").queryParam("to", "2018-02-10")
                .get("/api/v1/programmes/TN-ISHC-2017-2020/progress/series").then().statusCode(200)
                .body("period", equalTo("QUARTER"))
                .body("points", hasSize(5))
                .body("points[0].asOf", equalTo("2017-03-31"))
                .body("points[3].asOf", equalTo("2017-12-31"))
                .body("points[4].asOf", equalTo("2018-02-10"));
        given().auth().oauth2(Tokens.viewer()).queryParam("period", "WEEK")
                .get("/api/v1/programmes/TN-ISHC-2017-2020/progress/series").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2016-01-01")
                .get("/api/v1/programmes/TN-ISHC-2017-2020/progress/series").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
