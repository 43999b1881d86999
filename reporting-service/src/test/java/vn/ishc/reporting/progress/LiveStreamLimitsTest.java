package vn.ishc.reporting.progress;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A live stream lasts no longer than its token, and one caller cannot open streams without bound. */
@QuarkusTest
class LiveStreamLimitsTest {

    @TestHTTPResource("/api/v1/programmes/TN-ISHC-2017-2020/progress/stream?asOf=2019-06-30")
    URL stream;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStreamEndsWhenTheTokenExpires() throws Exception {
        String token = Tokens.viewer("short-lived-" + UUID.randomUUID(), Duration.ofSeconds(4));
        HttpResponse<InputStream> response = open(token);
        assertEquals(200, response.statusCode());
        // Reading to the end returns only because the server closes the stream at the token's expiry.
        CompletableFuture<byte[]> whole = CompletableFuture.supplyAsync(() -> {
            try (InputStream body = response.body()) {
                return body.readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] received = whole.get(30, TimeUnit.SECONDS);
        assertTrue(new String(received, java.nio.charset.StandardCharsets.UTF_8).contains("data:"), "the figures came before the end");
    }

    @Test
    void aCallerHoldsAtMostFiveStreams() throws Exception {
        String token = Tokens.viewer("many-tabs-" + UUID.randomUUID(), Duration.ofMinutes(10));
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<InputStream> response = open(token);
                assertEquals(200, response.statusCode(), "stream " + (i + 1));
                open.add(response);
            }
            HttpResponse<InputStream> sixth = open(token);
            assertEquals(429, sixth.statusCode());
            assertTrue(sixth.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            sixth.body().close();
            // Another caller is not affected.
            HttpResponse<InputStream> other = open(Tokens.viewer("other-" + UUID.randomUUID(), Duration.ofMinutes(10)));
            assertEquals(200, other.statusCode());
            open.add(other);
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
    }

    private HttpResponse<InputStream> open(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString())).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token).build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
}
