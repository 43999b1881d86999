package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Kubernetes label selector semantics, for checking what the manifests' selectors select. */
final class Selectors {

    private Selectors() {
    }

    /** A LabelSelector ({@code matchLabels}, {@code matchExpressions}); an empty one selects everything. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (!matchesMap(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean has = labels.containsKey(key);
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> has && values.contains(labels.get(key));
                // NotIn and DoesNotExist also select objects that lack the key altogether
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> throw new AssertionError("unknown selector operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A plain map selector (a Service's {@code spec.selector}, or {@code matchLabels}). */
    static boolean matchesMap(JsonNode map, Map<String, String> labels) {
        var fields = map.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().asText().equals(labels.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
