package vn.ishc.reporting.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ishc.kit.problem.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Reads registry's and funding's own counts ({@code GET /api/v1/stats}) over HTTP, with the
 * caller's bearer token: the sources decide what the caller may see, as for any other client.
 */
@ApplicationScoped
public class SourceStats {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ConfigProperty(name = "ishc.registry.url")
    String registryUrl;

    @ConfigProperty(name = "ishc.funding.url")
    String fundingUrl;

    @Inject
    ObjectMapper json;

    public JsonNode registry(LocalDate asOf, String bearerToken) {
        return get("registry", registryUrl + "/api/v1/stats?asOf=" + asOf, bearerToken);
    }

    public JsonNode funding(LocalDate asOf, LocalDate from, String bearerToken) {
        return get("funding", fundingUrl + "/api/v1/stats?asOf=" + asOf + "&from=" + from, bearerToken);
    }

    private JsonNode get(String source, String url, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ProblemException(502, "source-unavailable", "reconciliation.source.failed", source, response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ProblemException(502, "source-unavailable", "reconciliation.source.unreachable", source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(502, "source-unavailable", "reconciliation.source.unreachable", source);
        }
    }
}
