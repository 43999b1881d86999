package vn.ishc.testkit.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the operations of an OpenAPI 3.1 document (as SmallRye OpenAPI writes it) into {@link ApiOperation}s. */
final class OpenApiReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;

    OpenApiReader(JsonNode document) {
        this.document = document;
    }

    List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(operation(entry.getKey().toUpperCase(), path.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }

    private ApiOperation operation(String method, String path, JsonNode op) {
        List<ApiOperation.QueryParameter> query = new ArrayList<>();
        boolean ifMatch = false;
        for (JsonNode parameter : op.path("parameters")) {
            String name = parameter.path("name").asText();
            if (parameter.path("in").asText().equals("query")) {
                FieldKind kind = name.equals("page") ? FieldKind.PAGE : name.equals("size") ? FieldKind.SIZE
                        : FieldKind.of(resolve(parameter.path("schema")), parameter.path("example"));
                query.add(new ApiOperation.QueryParameter(name, kind));
            } else if (parameter.path("in").asText().equals("header") && name.equalsIgnoreCase("If-Match")) {
                ifMatch = true;
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return new ApiOperation(method, path, query, ifMatch, null, null, Map.of(), List.of());
        }
        String mediaType = content.has("application/json") ? "application/json" : content.fieldNames().next();
        JsonNode media = content.path(mediaType);
        JsonNode schema = resolve(media.path("schema"));
        JsonNode example = example(media, schema);
        Map<String, FieldKind> fields = new LinkedHashMap<>();
        JsonNode properties = schema.path("properties");
        boolean describedFields = properties.isObject() && !properties.has("nodeType");
        if (describedFields) {
            properties.fields().forEachRemaining(p -> fields.put(p.getKey(), FieldKind.of(resolve(p.getValue()), example.path(p.getKey()))));
        } else {
            example.fields().forEachRemaining(f -> fields.put(f.getKey(), FieldKind.fromExample(f.getValue())));
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return new ApiOperation(method, path, query, ifMatch, mediaType, example, fields, required);
    }

    /** The media type's example, else the first of its named examples, else the schema's. */
    private static JsonNode example(JsonNode media, JsonNode schema) {
        JsonNode example = media.path("example");
        if (example.isMissingNode()) {
            Iterator<JsonNode> named = media.path("examples").elements();
            example = named.hasNext() ? named.next().path("value") : schema.path("examples").path(0);
        }
        if (example.isMissingNode()) {
            example = schema.path("example");
        }
        if (example.isTextual()) {
            try {
                example = JSON.readTree(example.asText());
            } catch (IOException e) {
                throw new IllegalStateException("an example that is not JSON: " + example.asText(), e);
            }
        }
        return example.isObject() ? example : JSON.createObjectNode();
    }

    /**
     * Follows {@code $ref} to the component schema, and of a nullable {@code anyOf: [X, null]} takes
     * X; a schema without either is returned as it is.
     */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10; hops++) {
            if (current.has("$ref")) {
                current = document.at(current.get("$ref").asText().substring(1));
            } else if (current.has("anyOf")) {
                JsonNode notNull = current.get("anyOf").get(0);
                for (JsonNode alternative : current.get("anyOf")) {
                    if (!"null".equals(alternative.path("type").asText())) {
                        notNull = alternative;
                        break;
                    }
                }
                current = notNull;
            } else {
                break;
            }
        }
        return current;
    }
}
