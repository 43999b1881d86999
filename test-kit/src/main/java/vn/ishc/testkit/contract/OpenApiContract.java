package vn.ishc.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a partner's client generator and linter need from a service's OpenAPI document, checked in
 * the build: servers, a licence, unique operation ids, a success answer on every operation, tags
 * with descriptions, examples that validate against their own schemas, and the document equal to
 * the reviewed copy in {@code docs/openapi/} (so that a contract change shows in review).
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Set to true ({@code -Dishc.openapi.accept=true}) to write the live document over the reviewed copy. */
    public static final String ACCEPT = "ishc.openapi.accept";

    private OpenApiContract() {
    }

    public static JsonNode live(URI base) throws IOException, InterruptedException {
        // HTTP/1.1: the JDK client's default upgrade to HTTP/2 on a plain connection failed once in CI
        // ("Frame type(117) … exceeds MAX_FRAME_SIZE") on this large document.
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    /** Every gap a linter or a generator would trip on; empty when there is none. */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        if (!document.path("servers").isArray() || document.path("servers").isEmpty()) {
            gaps.add("no servers");
        }
        if (document.path("info").path("license").path("name").asText("").isBlank()) {
            gaps.add("no licence");
        }
        Set<String> declaredTags = new HashSet<>();
        for (JsonNode tag : document.path("tags")) {
            declaredTags.add(tag.path("name").asText());
            if (tag.path("description").asText("").isBlank()) {
                gaps.add("tag without description: " + tag.path("name").asText());
            }
        }
        Set<String> operationIds = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                String id = operation.getValue().path("operationId").asText("");
                if (id.isBlank() || !operationIds.add(id)) {
                    gaps.add("missing or repeated operationId: " + where + " (" + id + ")");
                }
                boolean success = false;
                for (Iterator<String> statuses = operation.getValue().path("responses").fieldNames(); statuses.hasNext(); ) {
                    success |= statuses.next().startsWith("2");
                }
                if (!success) {
                    gaps.add("no success answer documented: " + where);
                }
                for (JsonNode tag : operation.getValue().path("tags")) {
                    if (!declaredTags.contains(tag.asText())) {
                        gaps.add("undeclared tag " + tag.asText() + " on " + where);
                    }
                }
                checkMediaExamples(document, operation.getValue().path("requestBody").path("content"), where + " request", gaps);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = document.path("components").path("schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            for (JsonNode example : schema.getValue().path("examples")) {
                checkExample(document, schema.getValue(), example, "schema " + schema.getKey(), gaps);
            }
        }
        return gaps;
    }

    /** Differences between the live document and the reviewed copy; the copy is written instead when accepting. */
    public static List<String> differencesFromReviewedCopy(JsonNode live, Path copy) throws IOException {
        if (Boolean.getBoolean(ACCEPT)) {
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, JSON.writeValueAsString(live) + "\n");
            return List.of();
        }
        if (!Files.exists(copy)) {
            return List.of("no reviewed copy at " + copy + ": run the tests with -D" + ACCEPT + "=true and commit it");
        }
        JsonNode reviewed = JSON.readTree(Files.readString(copy));
        if (reviewed.equals(live)) {
            return List.of();
        }
        return List.of("the API document differs from " + copy + ". If the change is intended (additive, see docs/api-versioning.md), "
                + "run the tests with -D" + ACCEPT + "=true and commit the new copy for review.");
    }

    private static void checkMediaExamples(JsonNode document, JsonNode content, String where, List<String> gaps) {
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            JsonNode schema = type.getValue().path("schema");
            for (JsonNode example : type.getValue().path("examples")) {
                checkExample(document, schema, example.path("value"), where + " " + type.getKey(), gaps);
            }
            if (type.getValue().has("example")) {
                checkExample(document, schema, type.getValue().get("example"), where + " " + type.getKey(), gaps);
            }
        }
    }

    private static void checkExample(JsonNode document, JsonNode schema, JsonNode example, String where, List<String> gaps) {
        if (schema.isMissingNode() || example.isMissingNode()) {
            return;
        }
        ObjectNode root = schema.deepCopy();
        root.set("components", document.path("components"));
        var violations = SCHEMAS.getSchema(root).validate(example);
        if (!violations.isEmpty()) {
            gaps.add("example of " + where + " does not validate: " + violations);
        }
    }
}
