package vn.ishc.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every API call a test makes through RestAssured against the service's own OpenAPI
 * document: the operation exists, the answer's status is documented, its JSON body validates
 * against the documented schema, and a request the server accepted (2xx) validates against the
 * documented request body. A test whose exchange the document does not describe fails, with what
 * differs. Only {@code /api} calls are checked (health, metrics and the document itself are not API).
 */
public class ContractValidation implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ApiDocument> DOCUMENTS = new ConcurrentHashMap<>();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (!uri.getPath().startsWith("/api/")) {
            return response;
        }
        ApiDocument document = DOCUMENTS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), ContractValidation::load);
        String exchange = request.getMethod() + " " + uri.getPath() + " → " + response.statusCode();
        Optional<JsonNode> operation = document.operation(request.getMethod(), uri.getPath());
        if (response.statusCode() == 405 || (request.getMethod().equals("OPTIONS") && response.statusCode() == 204)) {
            // The Allow header must name exactly the operations the document gives this path.
            Set<String> documented = document.methods(uri.getPath());
            String allow = response.header("Allow");
            Set<String> allowed = allow == null ? Set.of() : new java.util.TreeSet<>(List.of(allow.split(",\\s*")));
            if (!allowed.equals(documented)) {
                throw new AssertionError("Allow " + allowed + " is not the document's methods " + documented + ": " + exchange);
            }
            return response;
        }
        if (operation.isEmpty()) {
            if (response.statusCode() == 404) {
                return response; // a method or path the API does not have, refused as such
            }
            throw new AssertionError("not in the OpenAPI document: " + exchange);
        }
        JsonNode answer = document.response(operation.get(), response.statusCode())
                .orElseThrow(() -> new AssertionError("status not documented: " + exchange + " " + excerpt(response.asString())));
        String type = response.contentType();
        String body = response.asString();
        if (type != null && type.contains("json") && !body.isEmpty()) {
            Set<String> violations = document.violations(answer.path("content"), type, body);
            if (!violations.isEmpty()) {
                throw new AssertionError("response does not match its schema: " + exchange + " " + violations + " " + excerpt(body));
            }
        }
        if (response.statusCode() / 100 == 2 && request.getBody() != null && operation.get().has("requestBody")) {
            JsonNode content = document.resolve(operation.get().get("requestBody")).path("content");
            Set<String> violations = document.violations(content, request.getContentType(), request.getBody().toString());
            if (!violations.isEmpty()) {
                throw new AssertionError("accepted request does not match its schema: " + exchange + " " + violations);
            }
        }
        return response;
    }

    private static ApiDocument load(String base) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            return new ApiDocument(JSON.readTree(answer.body()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + base, e);
        }
    }

    private static String excerpt(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
