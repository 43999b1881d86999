package vn.ishc.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a service reads and uses, taken from its own sources: its configuration keys and its topics. */
final class ServiceSources {

    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\"([a-z]+\\.[a-z-]+\\.v[0-9]+)\"");

    final String name;
    final Properties config = new Properties();
    final Set<String> producedTopics = new TreeSet<>();
    final Set<String> consumedTopics = new TreeSet<>();

    ServiceSources(String name) throws IOException {
        this.name = name;
        Path module = Rendered.PROJECT_ROOT.resolve(name + "-service");
        try (Reader in = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            config.load(in);
        }
        for (String key : config.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && !key.contains("dead-letter-queue")) {
                consumedTopics.add(config.getProperty(key));
            }
            // Dead letters are written by the connector's strategy, or by the kit's batch handling to ishc.dead-letter.topic.
            if (key.endsWith(".dead-letter-queue.topic") || key.equals("ishc.dead-letter.topic")) {
                producedTopics.add(config.getProperty(key));
            }
        }
        // Topics a service publishes through its outbox are constants of its events package.
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith("events/Topics.java")).toList()) {
                Matcher m = TOPIC_CONSTANT.matcher(Files.readString(file));
                while (m.find()) {
                    producedTopics.add(m.group(1));
                }
            }
        }
    }

    int httpPort() {
        return Integer.parseInt(config.getProperty("quarkus.http.port"));
    }

    /** Whether an environment variable names one of this service's configuration keys (Quarkus's mapping). */
    boolean readsVariable(String variable) {
        return config.stringPropertyNames().stream().anyMatch(key -> asEnvironmentVariable(key).equals(variable));
    }

    static String asEnvironmentVariable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
