package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka carries member data: every listener encrypts and authenticates, and the services connect
 * over TLS with SCRAM-SHA-512, trusting the cluster CA. And the Strimzi resources stay within the
 * Strimzi releases this suite supports, with the Kafka line of the clients the services use.
 */
class KafkaChecksTest {

    static final String STRIMZI_RANGE_ANNOTATION = "ishc.example.vn/supported-strimzi";
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\.(\\d+)-(\\d+)\\.(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noKafkaListenerIsPlainOrUnauthenticated(String overlay) throws Exception {
        List<String> plain = new ArrayList<>();
        Rendered.overlay(overlay).ofKind("Kafka").forEach(kafka -> kafka.at("/spec/kafka/listeners").forEach(listener -> {
            String type = listener.at("/authentication/type").asText();
            if (!listener.path("tls").asBoolean() || !(type.equals("scram-sha-512") || type.equals("tls"))) {
                plain.add(Rendered.id(kafka) + " listener " + listener.path("name").asText() + " (tls " + listener.path("tls").asBoolean()
                        + ", authentication '" + type + "')");
            }
        }));
        assertEquals(List.of(), plain);
    }

    /** What each service's Kafka clients are told (Quarkus maps KAFKA_X_Y to kafka.x.y, the settings of every client it makes). */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesConnectOverTlsWithScramAndTrustTheClusterCa(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        for (String service : ManifestChecksTest.SERVICES) {
            JsonNode deployment = rendered.named("Deployment", service + "-service");
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            Map<String, String> env = new HashMap<>();
            for (JsonNode source : container.path("envFrom")) {
                rendered.named("ConfigMap", source.at("/configMapRef/name").asText()).path("data").fields()
                        .forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
            }
            container.path("env").forEach(e -> {
                if (e.has("value")) {
                    env.put(e.path("name").asText(), e.path("value").asText());
                }
            });

            // the bootstrap address is a TLS listener with SCRAM-SHA-512 of a Kafka in the render
            String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
            Matcher address = Pattern.compile("([a-z0-9-]+)-kafka-bootstrap(?:\\.[a-z0-9.-]+)?:(\\d+)").matcher(bootstrap);
            assertTrue(address.matches(), service + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap);
            JsonNode kafka = rendered.named("Kafka", address.group(1));
            JsonNode listener = null;
            for (JsonNode l : kafka.at("/spec/kafka/listeners")) {
                if (l.path("port").asInt() == Integer.parseInt(address.group(2))) {
                    listener = l;
                }
            }
            assertNotNull(listener, service + ": no listener on " + bootstrap);
            assertTrue(listener.path("tls").asBoolean(), service + " connects to a plain listener: " + bootstrap);
            assertEquals("scram-sha-512", listener.at("/authentication/type").asText(), service + " listener authentication");

            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"), service);
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"), service);

            // the JAAS configuration is the one Strimzi's user operator writes for the service's own KafkaUser
            JsonNode jaas = variable(container, "KAFKA_SASL_JAAS_CONFIG");
            assertEquals(service, jaas.at("/valueFrom/secretKeyRef/name").asText(), service + ": KAFKA_SASL_JAAS_CONFIG");
            assertEquals("sasl.jaas.config", jaas.at("/valueFrom/secretKeyRef/key").asText(), service);
            JsonNode user = rendered.named("KafkaUser", service);
            assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText(), service);
            assertEquals(kafka.at("/metadata/name").asText(), user.at("/metadata/labels/strimzi.io~1cluster").asText(), service);

            // the truststore is the cluster CA certificate (PEM), mounted from the Secret Strimzi keeps it in
            assertEquals("PEM", env.get("KAFKA_SSL_TRUSTSTORE_TYPE"), service);
            String truststore = env.getOrDefault("KAFKA_SSL_TRUSTSTORE_LOCATION", "");
            assertEquals(kafka.at("/metadata/name").asText() + "-cluster-ca-cert", secretFileAt(deployment, truststore, "ca.crt"),
                    service + ": KAFKA_SSL_TRUSTSTORE_LOCATION " + truststore + " is not the mounted cluster CA certificate");

            // and the Kafka clients accept these settings as they are
            Map<String, Object> settings = new HashMap<>();
            env.forEach((name, value) -> {
                if (name.startsWith("KAFKA_")) {
                    settings.put(name.substring(6).toLowerCase().replace('_', '.'), value);
                }
            });
            settings.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";");
            Map<String, Object> producer = new HashMap<>(settings);
            producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            new ProducerConfig(producer);
            Map<String, Object> consumer = new HashMap<>(settings);
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            new ConsumerConfig(consumer);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyStrimziResourceUsesV1beta2(String overlay) throws Exception {
        List<String> other = Rendered.overlay(overlay).manifests.stream()
                .filter(m -> m.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
                .filter(m -> !m.path("apiVersion").asText().equals("kafka.strimzi.io/v1beta2"))
                .map(m -> Rendered.id(m) + " " + m.path("apiVersion").asText())
                .toList();
        assertEquals(List.of(), other, "Strimzi 1.0 drops v1beta2; this suite supports the releases before it, which all serve v1beta2");
    }

    /** Kafka's line follows the kafka-clients of the Quarkus BOM (the services' clients, and these checks' classpath). */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theKafkaVersionIsTheLineOfTheQuarkusBomClients(String overlay) throws Exception {
        String clients = AppInfoParser.getVersion();
        String line = clients.replaceAll("^(\\d+\\.\\d+)\\..*", "$1");
        assertEquals("4.1", line, "kafka-clients of the Quarkus BOM is " + clients + ": review the Kafka version and the Strimzi range");
        JsonNode kafka = Rendered.overlay(overlay).named("Kafka", "ishc");
        String version = kafka.at("/spec/kafka/version").asText();
        assertTrue(version.matches(Pattern.quote(line) + "\\.\\d+"), "Kafka " + version + " is not of the " + line + " line");
        assertTrue(kafka.at("/spec/kafka/metadataVersion").asText().startsWith(line + "-"), "metadataVersion of the " + line + " line");
    }

    /** The supported Strimzi releases are stated on the Kafka resource and in the README, and include the API these checks model. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theSupportedStrimziRangeIsStated(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        String annotation = rendered.named("Kafka", "ishc").at("/metadata/annotations").path(STRIMZI_RANGE_ANNOTATION).asText();
        Matcher range = RANGE.matcher(annotation);
        assertTrue(range.matches(), "annotation " + STRIMZI_RANGE_ANNOTATION + " states the supported Strimzi releases as 0.48-0.51, is '" + annotation + "'");
        int fromMinor = Integer.parseInt(range.group(2));
        int toMinor = Integer.parseInt(range.group(4));
        assertEquals("0", range.group(1));
        assertEquals("0", range.group(3), "Strimzi 1.0 serves no v1beta2");
        assertEquals(48, fromMinor, "0.48 is the first Strimzi with Kafka 4.1");
        assertTrue(toMinor >= fromMinor && toMinor <= 51, "0.51 is the last Strimzi before 1.0");

        String readme = Files.readString(Rendered.KUBERNETES_DIR.resolve("README.md"));
        String stated = "Strimzi](https://strimzi.io) 0." + fromMinor + " to 0." + toMinor;
        assertTrue(readme.contains(stated), "README.md states '" + stated + "'");

        Properties api = new Properties();
        try (InputStream in = Kafka.class.getResourceAsStream("/META-INF/maven/io.strimzi/api/pom.properties")) {
            api.load(in);
        }
        String modelled = api.getProperty("version");
        int modelledMinor = Integer.parseInt(modelled.replaceAll("^0\\.(\\d+)\\..*", "$1"));
        assertTrue(modelled.startsWith("0.") && modelledMinor >= fromMinor && modelledMinor <= toMinor,
                "the checks model Strimzi's API " + modelled + ", outside the supported " + annotation);

        // Strimzi 0.51 reads only the list form of a KafkaUser ACL's operations
        rendered.ofKind("KafkaUser").forEach(u -> u.at("/spec/authorization/acls").forEach(acl ->
                assertTrue(!acl.has("operation") && acl.path("operations").isArray(), Rendered.id(u) + " uses the removed 'operation'")));
    }

    private static JsonNode variable(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + name + " in " + container.path("name").asText());
    }

    /** The Secret whose key {@code key} a container sees at {@code file}, or "" when none. */
    private static String secretFileAt(JsonNode deployment, String file, String key) {
        JsonNode pod = deployment.at("/spec/template/spec");
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            String dir = mount.path("mountPath").asText().replaceAll("/$", "");
            if (!file.startsWith(dir + "/") || mount.has("subPath")) {
                continue;
            }
            String relative = file.substring(dir.length() + 1);
            for (JsonNode volume : pod.path("volumes")) {
                if (!volume.path("name").asText().equals(mount.path("name").asText()) || !volume.has("secret")) {
                    continue;
                }
                JsonNode items = volume.at("/secret/items");
                boolean found = items.isMissingNode() ? relative.equals(key) : false;
                for (JsonNode item : items) {
                    found |= item.path("key").asText().equals(key) && item.path("path").asText().equals(relative);
                }
                if (found) {
                    return volume.at("/secret/secretName").asText();
                }
            }
        }
        return "";
    }
}
