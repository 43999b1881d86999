package vn.ishc.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A service's OpenAPI 3.1 document, asked what it says about a request and its answer. */
final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final JsonNode document;

    ApiDocument(JsonNode document) {
        this.document = document;
    }

    /** The operation for a method and a concrete path; literal segments win over {parameters}. */
    Optional<JsonNode> operation(String method, String path) {
        JsonNode best = null;
        int bestLiterals = -1;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> template = paths.next();
            if (!matches(template.getKey(), path) || !template.getValue().has(method.toLowerCase())) {
                continue;
            }
            int literals = (int) Set.of(template.getKey().split("/")).stream().filter(s -> !s.startsWith("{")).count();
            if (literals > bestLiterals) {
                best = template.getValue().get(method.toLowerCase());
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The methods the document gives the path (those of its most literal matching template), HEAD beside GET, and OPTIONS. */
    Set<String> methods(String path) {
        Set<String> methods = new java.util.TreeSet<>();
        int bestLiterals = -1;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> template = paths.next();
            int literals = template.getKey().replaceAll("\\{[^}]*}", "").length();
            if (!matches(template.getKey(), path) || literals < bestLiterals) {
                continue;
            }
            if (literals > bestLiterals) {
                methods.clear();
                bestLiterals = literals;
            }
            template.getValue().fieldNames().forEachRemaining(field -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(field)) {
                    methods.add(field.toUpperCase());
                }
            });
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    /** The response a status falls under: its own, its class ({@code 4XX}) or {@code default}. */
    Optional<JsonNode> response(JsonNode operation, int status) {
        JsonNode responses = operation.path("responses");
        for (String key : new String[]{String.valueOf(status), (status / 100) + "XX", "default"}) {
            if (responses.has(key)) {
                return Optional.of(resolve(responses.get(key)));
            }
        }
        return Optional.empty();
    }

    /** Schema violations of {@code body} against the schema of {@code content} for the media type (ignoring parameters). */
    Set<String> violations(JsonNode content, String mediaType, String body) {
        String bare = mediaType.split(";")[0].trim();
        JsonNode media = content.path(bare);
        if (media.isMissingNode() || !media.has("schema")) {
            return content.isMissingNode() || content.isEmpty() ? Set.of() : Set.of("media type " + bare + " not documented");
        }
        if (!bare.contains("json")) {
            return Set.of(); // a file (a workbook, a CSV): its documented media type is all a JSON schema can say of it
        }
        ObjectNode schema = ((ObjectNode) media.get("schema")).deepCopy();
        // The components travel with the schema, so that its #/components/... references resolve.
        schema.set("components", document.path("components"));
        try {
            JsonSchema validator = SCHEMAS.getSchema(schema);
            return validator.validate(JSON.readTree(body)).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (Exception e) {
            return Set.of("body is not JSON: " + e.getMessage());
        }
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static boolean matches(String template, String path) {
        String regex = Pattern.quote(template).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q");
        return path.matches(regex);
    }
}
