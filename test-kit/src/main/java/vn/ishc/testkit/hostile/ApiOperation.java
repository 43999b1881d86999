package vn.ishc.testkit.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One operation of a service's OpenAPI document, as far as the hostile-input suite needs it: where
 * it lives, its query parameters, and for a write its body's media type, a valid example and the
 * kind of each top-level field.
 */
record ApiOperation(String method, String path, List<QueryParameter> query, boolean takesIfMatch,
                    String bodyMediaType, JsonNode exampleBody, Map<String, FieldKind> fields, List<String> requiredFields) {

    boolean hasBody() {
        return bodyMediaType != null;
    }

    String label() {
        return method + " " + path;
    }

    /** A query parameter and the kind of value its example shows. */
    record QueryParameter(String name, FieldKind kind) {
    }
}
