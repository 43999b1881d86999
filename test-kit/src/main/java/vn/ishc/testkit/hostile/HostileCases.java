package vn.ishc.testkit.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Builds invalid requests for the operations of one service: first every field of every body and
 * every query parameter with every invalid value of its kind, and every malformed body; then, from
 * a seeded random source, combinations of those until the wanted number of cases is reached.
 */
final class HostileCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@hostile-value@@";

    private final List<ApiOperation> operations;
    private final BiFunction<String, String, String> pathValues;
    private final Map<String, JsonNode> baselines;

    HostileCases(List<ApiOperation> operations, BiFunction<String, String, String> pathValues, Map<String, JsonNode> baselines) {
        this.operations = operations;
        this.pathValues = pathValues;
        this.baselines = baselines;
    }

    List<HostileCase> build(long seed, int atLeast) {
        List<HostileCase> cases = new ArrayList<>();
        for (ApiOperation op : operations) {
            if (op.hasBody()) {
                cases.addAll(fieldCases(op));
                cases.addAll(bodyCases(op));
            }
            cases.addAll(queryCases(op));
        }
        Random random = new Random(seed);
        List<ApiOperation> withBody = operations.stream().filter(ApiOperation::hasBody).filter(op -> !op.fields().isEmpty()).toList();
        List<ApiOperation> withQuery = operations.stream().filter(op -> !op.query().isEmpty()).toList();
        while (cases.size() < atLeast && !(withBody.isEmpty() && withQuery.isEmpty())) {
            boolean body = withQuery.isEmpty() || !withBody.isEmpty() && random.nextInt(3) > 0;
            cases.add(body ? randomBodyCase(withBody.get(random.nextInt(withBody.size())), random)
                    : randomQueryCase(withQuery.get(random.nextInt(withQuery.size())), random));
        }
        return cases;
    }

    private List<HostileCase> fieldCases(ApiOperation op) {
        List<HostileCase> cases = new ArrayList<>();
        op.fields().forEach((field, kind) -> {
            for (InvalidValues.Value value : values(op, field, kind)) {
                Map<String, String> mutation = Map.of(field, value.json());
                cases.add(bodyCase(op, field + ": " + value.why(), withValues(op, mutation), Set.of(field)));
            }
        });
        if (!op.requiredFields().isEmpty()) {
            ObjectNode without = baseline(op).deepCopy();
            op.requiredFields().forEach(without::remove);
            cases.add(bodyCase(op, "every required field missing", bytes(without.toString()), Set.copyOf(op.requiredFields())));
        }
        return cases;
    }

    private List<HostileCase> bodyCases(ApiOperation op) {
        String valid = baseline(op).toString();
        List<HostileCase> cases = new ArrayList<>();
        cases.add(bodyCase(op, "trailing garbage after the body", bytes(valid + " x"), Set.of()));
        cases.add(bodyCase(op, "a second JSON value after the body", bytes(valid + "{}"), Set.of()));
        cases.add(bodyCase(op, "a stray bracket after the body", bytes(valid + "]"), Set.of()));
        cases.add(bodyCase(op, "a truncated body", bytes(valid.substring(0, valid.length() - 1)), Set.of()));
        cases.add(bodyCase(op, "an empty body", new byte[0], Set.of()));
        cases.add(bodyCase(op, "null as the body", bytes("null"), Set.of()));
        cases.add(bodyCase(op, "a list as the body", bytes("[" + valid + "]"), Set.of()));
        cases.add(bodyCase(op, "a string as the body", bytes("\"" + valid.replace("\"", "'") + "\""), Set.of()));
        cases.add(bodyCase(op, "a number as the body", bytes("42"), Set.of()));
        cases.add(bodyCase(op, "objects nested 5,000 deep", bytes("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)), Set.of()));
        cases.add(bodyCase(op, "lists nested 100,000 deep", bytes("[".repeat(100_000)), Set.of()));
        cases.add(bodyCase(op, "a field given twice", bytes(duplicateFirstField(valid)), Set.of()));
        cases.add(bodyCase(op, "an overlong UTF-8 encoding in a text", overlong(op, valid), Set.of()));
        cases.add(bodyCase(op, "a byte that is never UTF-8", bytesWith(valid, new byte[]{(byte) 0xFF}), Set.of()));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            cases.add(new HostileCase(op.label(), "the body sent as " + type, op.method(), path(op), null,
                    headers(op, type), bytes(valid), Set.of()));
        }
        if (op.takesIfMatch() && op.method().equals("PATCH")) {
            Map<String, String> noIfMatch = new HashMap<>(headers(op, op.bodyMediaType()));
            noIfMatch.remove("If-Match");
            cases.add(new HostileCase(op.label(), "no If-Match", op.method(), path(op), null, noIfMatch, bytes(valid), Set.of()));
            Map<String, String> malformed = new HashMap<>(noIfMatch);
            malformed.put("If-Match", "%=Rw");
            cases.add(new HostileCase(op.label(), "a malformed If-Match", op.method(), path(op), null, malformed, bytes(valid), Set.of("If-Match")));
        }
        return cases;
    }

    private List<HostileCase> queryCases(ApiOperation op) {
        List<HostileCase> cases = new ArrayList<>();
        for (ApiOperation.QueryParameter parameter : op.query()) {
            for (InvalidValues.Value value : InvalidValues.forQuery(parameter.kind())) {
                cases.add(new HostileCase(op.label(), parameter.name() + ": " + value.why(), op.method(), path(op),
                        parameter.name() + "=" + value.json(), headers(op, null), op.hasBody() ? bytes(baseline(op).toString()) : null,
                        Set.of(parameter.name())));
            }
        }
        return cases;
    }

    private HostileCase randomBodyCase(ApiOperation op, Random random) {
        List<String> fields = new ArrayList<>(op.fields().keySet());
        int count = 1 + random.nextInt(Math.min(3, fields.size()));
        Map<String, String> mutation = new HashMap<>();
        StringBuilder description = new StringBuilder("random:");
        for (int i = 0; i < count; i++) {
            String field = fields.remove(random.nextInt(fields.size()));
            List<InvalidValues.Value> values = values(op, field, op.fields().get(field));
            InvalidValues.Value value = values.get(random.nextInt(values.size()));
            mutation.put(field, value.json());
            description.append(' ').append(field).append(" (").append(value.why()).append(')');
        }
        byte[] body = withValues(op, mutation);
        if (random.nextInt(5) == 0) {
            description.append(" + trailing garbage");
            return bodyCase(op, description.toString(), bytesWith(new String(body, StandardCharsets.UTF_8), bytes(" ,")), Set.of());
        }
        return bodyCase(op, description.toString(), body, mutation.keySet());
    }

    private HostileCase randomQueryCase(ApiOperation op, Random random) {
        List<ApiOperation.QueryParameter> parameters = new ArrayList<>(op.query());
        int count = 1 + random.nextInt(Math.min(3, parameters.size()));
        List<String> query = new ArrayList<>();
        Set<String> faulty = new LinkedHashSet<>();
        StringBuilder description = new StringBuilder("random:");
        for (int i = 0; i < count; i++) {
            ApiOperation.QueryParameter parameter = parameters.remove(random.nextInt(parameters.size()));
            List<InvalidValues.Value> values = InvalidValues.forQuery(parameter.kind());
            InvalidValues.Value value = values.get(random.nextInt(values.size()));
            query.add(parameter.name() + "=" + value.json());
            faulty.add(parameter.name());
            description.append(' ').append(parameter.name()).append(" (").append(value.why()).append(')');
        }
        return new HostileCase(op.label(), description.toString(), op.method(), path(op), String.join("&", query),
                headers(op, null), op.hasBody() ? bytes(baseline(op).toString()) : null, faulty);
    }

    private List<InvalidValues.Value> values(ApiOperation op, String field, FieldKind kind) {
        JsonNode example = baseline(op).path(field);
        return InvalidValues.forField(field, kind, op.requiredFields().contains(field), example.isTextual() ? example.asText() : null);
    }

    private HostileCase bodyCase(ApiOperation op, String description, byte[] body, Set<String> faulty) {
        return new HostileCase(op.label(), description, op.method(), path(op), null, headers(op, op.bodyMediaType()), body, faulty);
    }

    /** The baseline body with the given fields set to raw JSON values. */
    private byte[] withValues(ApiOperation op, Map<String, String> rawValues) {
        ObjectNode body = baseline(op).deepCopy();
        rawValues.keySet().forEach(field -> body.put(field, HOLE + field));
        String json = body.toString();
        for (Map.Entry<String, String> value : rawValues.entrySet()) {
            json = json.replace("\"" + HOLE + value.getKey() + "\"", value.getValue());
        }
        return bytes(json);
    }

    private ObjectNode baseline(ApiOperation op) {
        JsonNode given = baselines.get(op.label());
        return (ObjectNode) (given != null ? given : op.exampleBody());
    }

    /** The operation's path with each {name} (a whole segment, or part of one as in clubs.{format}) given its value. */
    private String path(ApiOperation op) {
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(op.path());
        StringBuilder path = new StringBuilder();
        while (names.find()) {
            String value = pathValues.apply(op.path(), names.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + names.group(1) + "} in " + op.path());
            }
            names.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value));
        }
        names.appendTail(path);
        return path.toString();
    }

    private static Map<String, String> headers(ApiOperation op, String contentType) {
        Map<String, String> headers = new HashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (op.takesIfMatch() && op.method().equals("PATCH")) {
            headers.put("If-Match", "*");
        }
        return headers;
    }

    private static String duplicateFirstField(String valid) {
        int colon = valid.indexOf(':');
        int comma = valid.indexOf(',');
        if (colon < 0 || comma < 0) {
            return "{\"x\":1,\"x\":2}";
        }
        return "{" + valid.substring(1, comma) + "," + valid.substring(1);
    }

    /** The valid body with the first text value replaced by "A" written in two bytes (0xC1 0x81), which UTF-8 forbids. */
    private byte[] overlong(ApiOperation op, String valid) {
        String field = op.fields().entrySet().stream().filter(f -> f.getValue() == FieldKind.TEXT).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (field == null) {
            return bytesWith(valid.substring(0, 1) + "\"x\":\"", new byte[]{(byte) 0xC1, (byte) 0x81}, "\"," + valid.substring(1));
        }
        ObjectNode body = baseline(op).deepCopy();
        body.put(field, HOLE);
        String[] around = body.toString().split(HOLE, 2);
        return bytesWith(around[0] + "Nguy", new byte[]{(byte) 0xC1, (byte) 0x81}, "n" + around[1]);
    }

    private static byte[] bytesWith(String before, byte[] raw) {
        return bytesWith(before, raw, "");
    }

    private static byte[] bytesWith(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(before));
        out.writeBytes(raw);
        out.writeBytes(bytes(after));
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
