package vn.ishc.testkit.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/** What a field or parameter holds, read from its schema or, when the schema says nothing, from its example. */
enum FieldKind {
    TEXT, DATE, UUID, ENUM, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT, PAGE, SIZE;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ENUM_TEXT = Pattern.compile("[A-Z][A-Z_]+");

    /** From a resolved schema (its {@code $ref} already followed) and an example value, either possibly missing. */
    static FieldKind of(JsonNode schema, JsonNode example) {
        if (schema != null && !schema.isMissingNode()) {
            if (schema.has("enum")) {
                return ENUM;
            }
            String format = schema.path("format").asText("");
            if (format.equals("date")) {
                return DATE;
            }
            if (format.equals("uuid")) {
                return UUID;
            }
            switch (type(schema.path("type"))) {
                case "integer":
                    return INTEGER;
                case "number":
                    return NUMBER;
                case "boolean":
                    return BOOLEAN;
                case "array":
                    return ARRAY;
                case "object":
                    return OBJECT;
                default:
                    break;
            }
        }
        return fromExample(example);
    }

    /** The schema's type; of an OpenAPI 3.1 list such as {@code ["boolean", "null"]}, the one that is not null. */
    private static String type(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!"null".equals(one.asText())) {
                    return one.asText();
                }
            }
            return "";
        }
        return type.asText("");
    }

    static FieldKind fromExample(JsonNode example) {
        if (example == null || example.isMissingNode() || example.isNull()) {
            return TEXT;
        }
        if (example.isIntegralNumber()) {
            return INTEGER;
        }
        if (example.isNumber()) {
            return NUMBER;
        }
        if (example.isBoolean()) {
            return BOOLEAN;
        }
        if (example.isArray()) {
            return ARRAY;
        }
        if (example.isObject()) {
            return OBJECT;
        }
        String text = example.asText();
        if (ISO_DATE.matcher(text).matches()) {
            return DATE;
        }
        if (UUID_TEXT.matcher(text).matches()) {
            return UUID;
        }
        return ENUM_TEXT.matcher(text).matches() ? ENUM : TEXT;
    }
}
