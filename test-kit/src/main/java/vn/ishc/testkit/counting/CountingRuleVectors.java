package vn.ishc.testkit.counting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The counting-rule vectors of {@code contracts/counting-rules} (see its README), read as data:
 * each service maps them onto its own records and checks the figures it computes.
 */
public final class CountingRuleVectors {

    /** One situation and its expected figures. */
    public record Vector(String name, JsonNode json) {

        public LocalDate programmeStart() {
            return LocalDate.parse(json.path("programmeStart").asText());
        }

        public LocalDate asOf() {
            return LocalDate.parse(json.path("asOf").asText());
        }

        public List<JsonNode> clubs() {
            return list("clubs");
        }

        public List<JsonNode> pledges() {
            return list("pledges");
        }

        public List<JsonNode> contributions() {
            return list("contributions");
        }

        /** The areas with expected figures: district codes and {@code province}. */
        public List<String> areas() {
            List<String> areas = new ArrayList<>();
            json.path("expected").fieldNames().forEachRemaining(areas::add);
            return areas;
        }

        /** The expected value of a figure in an area, if the vector gives one. */
        public Optional<Long> expected(String area, String figure) {
            JsonNode value = json.path("expected").path(area).path(figure);
            return value.isNumber() ? Optional.of(value.asLong()) : Optional.empty();
        }

        private List<JsonNode> list(String field) {
            List<JsonNode> items = new ArrayList<>();
            json.path(field).forEach(items::add);
            return items;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Path FOLDER = Path.of("..", "contracts", "counting-rules");

    private CountingRuleVectors() {
    }

    /** Every vector, by file name; there must be some. */
    public static List<Vector> all() {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<Vector> vectors = files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .map(f -> new Vector(f.getFileName().toString(), read(json, f))).toList();
            if (vectors.isEmpty()) {
                throw new IllegalStateException("no counting-rule vectors in " + FOLDER.toAbsolutePath());
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A nullable text field. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** A nullable date field. */
    public static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : LocalDate.parse(text);
    }

    private static JsonNode read(ObjectMapper json, Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
