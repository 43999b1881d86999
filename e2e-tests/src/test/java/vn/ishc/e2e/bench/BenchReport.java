package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's output: one table of figures beside their goals (target/benchmark.txt, printed by
 * ./ishc bench) and the same run as JSON (target/benchmark.json) so that runs can be compared.
 */
final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Row(String figure, String measured, String goal) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> stages = new ArrayList<>();
    /** Further files written beside the table and the JSON, by name. */
    private final Map<String, String> files = new LinkedHashMap<>();
    /** Every number, by section; what the JSON file holds. */
    final ObjectNode json = JSON.createObjectNode();

    void header(String line) {
        header.add(line);
    }

    /** A line of the table; an empty goal means the figure is context, not one of issue 14's goals. */
    void row(String figure, String measured, String goal) {
        rows.add(new Row(figure, measured, goal));
    }

    /** A line of the stage breakdown printed under the table (its figures are in the JSON's "stages"). */
    void stage(String line) {
        stages.add(line);
    }

    void note(String line) {
        notes.add(line);
        json.withArray("notes").add(line);
    }

    /** The section of the JSON document with this name (created when missing). */
    ObjectNode section(String name) {
        return json.withObject("/" + name);
    }

    String table() {
        int w1 = "figure".length();
        int w2 = "measured".length();
        for (Row row : rows) {
            w1 = Math.max(w1, row.figure.length());
            w2 = Math.max(w2, row.measured.length());
        }
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        String format = "| %-" + w1 + "s | %-" + w2 + "s | %s\n";
        out.append(String.format(Locale.ROOT, format, "figure", "measured", "goal (issue 14)"));
        out.append("|-").append("-".repeat(w1)).append("-|-").append("-".repeat(w2)).append("-|-").append("-".repeat(16)).append('\n');
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, format, row.figure, row.measured, row.goal));
        }
        if (!stages.isEmpty()) {
            out.append("\nwhere the time of a change went (the services' stage timers, between two scrapes of /q/metrics):\n");
            stages.forEach(line -> out.append(line).append('\n'));
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(line -> out.append("note: ").append(line).append('\n'));
        }
        return out.toString();
    }

    /** A further file of this run (e.g. every change of a flow as CSV), written by {@link #write} beside the others. */
    void file(String name, String content) {
        files.put(name, content);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("benchmark.txt"), table());
        JSON.writeValue(dir.resolve("benchmark.json").toFile(), json);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
    }

    static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis) : String.format(Locale.ROOT, "%,.0f ms", millis);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.round(bytes / 1048576.0));
    }
}
