package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both overlays render, conform to their models, and agree with the services they deploy. */
class ManifestChecksTest {

    static final List<String> SERVICES = List.of("registry", "funding", "reporting");
    /** Read by the JVM itself or the C library (malloc), not by the service. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");

    static final Map<String, Rendered> overlays = new HashMap<>();
    static final Map<String, ServiceSources> services = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            overlays.put(overlay, Rendered.overlay(overlay));
        }
        for (String service : SERVICES) {
            services.put(service, new ServiceSources(service));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyManifestConformsToItsModel(String overlay) {
        List<String> problems = new ArrayList<>();
        overlays.get(overlay).manifests.forEach(m -> problems.addAll(ModelConformance.problems(m)));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEnvironmentVariableIsOneTheServiceReads(String overlay) {
        Rendered rendered = overlays.get(overlay);
        Set<String> kafkaClientSettings = new HashSet<>();
        kafkaClientSettings.addAll(ProducerConfig.configNames());
        kafkaClientSettings.addAll(ConsumerConfig.configNames());
        kafkaClientSettings.addAll(AdminClientConfig.configNames());
        List<String> unread = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode container = container(rendered, service);
            Set<String> variables = new TreeSet<>();
            container.path("env").forEach(e -> variables.add(e.path("name").asText()));
            for (JsonNode source : container.path("envFrom")) {
                String configMap = source.at("/configMapRef/name").asText();
                rendered.named("ConfigMap", configMap).path("data").fieldNames().forEachRemaining(variables::add);
            }
            for (String variable : variables) {
                boolean read = JVM_VARIABLES.contains(variable)
                        || services.get(service).readsVariable(variable)
                        // kafka.* settings pass straight to the Kafka clients (Quarkus's default-kafka-broker map)
                        || (variable.startsWith("KAFKA_") && kafkaClientSettings.contains(variable.substring(6).toLowerCase().replace('_', '.')));
                if (!read) {
                    unread.add(service + ": " + variable);
                }
            }
        }
        assertEquals(List.of(), unread);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicAServiceUsesHasAKafkaTopicAndNoOther(String overlay) {
        Set<String> declared = overlays.get(overlay).ofKind("KafkaTopic").map(t -> t.at("/spec/topicName").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = new TreeSet<>();
        services.values().forEach(s -> {
            used.addAll(s.producedTopics);
            used.addAll(s.consumedTopics);
        });
        assertEquals(used, declared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceWritesOnlyItsOwnTopicsAndReadsOnlyWhatItConsumes(String overlay) {
        for (String service : SERVICES) {
            JsonNode user = overlays.get(overlay).named("KafkaUser", service);
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                if (!"topic".equals(acl.at("/resource/type").asText())) {
                    continue;
                }
                String topic = acl.at("/resource/name").asText();
                for (JsonNode operation : acl.path("operations")) {
                    if ("Write".equals(operation.asText())) {
                        writes.add(topic);
                    }
                    if ("Read".equals(operation.asText())) {
                        reads.add(topic);
                    }
                }
            }
            assertEquals(services.get(service).producedTopics, writes, service + " writes");
            assertEquals(services.get(service).consumedTopics, reads, service + " reads");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesAndPortsAreTheServicesOwn(String overlay) {
        Rendered rendered = overlays.get(overlay);
        for (String service : SERVICES) {
            JsonNode container = container(rendered, service);
            int port = services.get(service).httpPort();
            assertEquals(port, container.at("/ports/0/containerPort").asInt(), service);
            assertEquals("http", container.at("/ports/0/name").asText(), service);
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText(), service);
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText(), service);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals("http", container.at("/" + probe + "/httpGet/port").asText(), service + " " + probe);
            }
            assertEquals(port, rendered.named("Service", service + "-service").at("/spec/ports/0/port").asInt(), service);
            assertEquals("/q/metrics", rendered.named("ServiceMonitor", service + "-service").at("/spec/endpoints/0/path").asText());
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean(), service + " read-only root");
            assertTrue(deployment(rendered, service).at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean(), service + " non-root");
            assertTrue(container.at("/resources/limits/memory").isTextual() && container.at("/resources/requests/memory").isTextual(), service);
        }
    }

    @Test
    void devIsSmallAndProdIsHighlyAvailable() {
        Rendered dev = overlays.get("dev");
        Rendered prod = overlays.get("prod");
        for (String service : SERVICES) {
            assertEquals(1, deployment(dev, service).at("/spec/replicas").asInt());
            assertTrue(deployment(prod, service).at("/spec/replicas").asInt() >= 2, service);
            prod.named("PodDisruptionBudget", service + "-service");
            assertTrue(prod.named("HorizontalPodAutoscaler", service + "-service").at("/spec/minReplicas").asInt() >= 2);
            assertEquals(1, dev.named("Cluster", service + "-db").at("/spec/instances").asInt());
            assertEquals(3, prod.named("Cluster", service + "-db").at("/spec/instances").asInt());
        }
        assertEquals(1, dev.named("KafkaNodePool", "dual-role").at("/spec/replicas").asInt());
        assertEquals(3, prod.named("KafkaNodePool", "dual-role").at("/spec/replicas").asInt());
        prod.ofKind("KafkaTopic").forEach(t -> assertEquals(3, t.at("/spec/replicas").asInt(), Rendered.id(t)));
        assertEquals(0, dev.ofKind("PodDisruptionBudget").count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyNamespacedObjectLivesInTheSuitesNamespace(String overlay) {
        Rendered rendered = overlays.get(overlay);
        String namespace = rendered.namespace();
        assertEquals("dev".equals(overlay) ? "ishc-dev" : "ishc", namespace);
        List<String> misplaced = new ArrayList<>();
        for (JsonNode manifest : rendered.manifests) {
            String actual = manifest.at("/metadata/namespace").asText();
            boolean clusterScoped = Rendered.CLUSTER_SCOPED.contains(manifest.path("kind").asText());
            if (clusterScoped ? !actual.isEmpty() : !namespace.equals(actual)) {
                misplaced.add(Rendered.id(manifest) + " in '" + actual + "'");
            }
        }
        assertEquals(List.of(), misplaced);
    }

    /** A selector or reference that finds nothing fails silently on a cluster: an HPA that scales nothing, a PDB that protects nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySelectorMatchesSomethingInTheSameRender(String overlay) {
        Rendered rendered = overlays.get(overlay);
        List<Pods.Pod> pods = Pods.of(rendered);
        List<String> unmatched = new ArrayList<>();
        for (JsonNode d : rendered.ofKind("Deployment").toList()) {
            if (!Selectors.matches(d.at("/spec/selector"), Pods.labels(d.at("/spec/template/metadata/labels")))) {
                unmatched.add(Rendered.id(d) + ": selector does not match its own pod template");
            }
        }
        for (JsonNode s : rendered.ofKind("Service").toList()) {
            if (noPod(pods, s, p -> Selectors.matchesMap(s.at("/spec/selector"), p.labels()))) {
                unmatched.add(Rendered.id(s) + ": selects no pod");
            }
        }
        for (JsonNode pdb : rendered.ofKind("PodDisruptionBudget").toList()) {
            if (noPod(pods, pdb, p -> Selectors.matches(pdb.at("/spec/selector"), p.labels()))) {
                unmatched.add(Rendered.id(pdb) + ": selects no pod");
            }
        }
        for (JsonNode hpa : rendered.ofKind("HorizontalPodAutoscaler").toList()) {
            JsonNode target = hpa.at("/spec/scaleTargetRef");
            boolean found = rendered.ofKind(target.path("kind").asText())
                    .anyMatch(t -> target.path("name").asText().equals(t.at("/metadata/name").asText())
                            && Rendered.namespaceOf(t).equals(Rendered.namespaceOf(hpa)));
            if (!found) {
                unmatched.add(Rendered.id(hpa) + ": no " + target.path("kind").asText() + " " + target.path("name").asText()
                        + " in namespace " + Rendered.namespaceOf(hpa));
            }
        }
        for (JsonNode np : rendered.ofKind("NetworkPolicy").toList()) {
            if (noPod(pods, np, p -> Selectors.matches(np.at("/spec/podSelector"), p.labels()))) {
                unmatched.add(Rendered.id(np) + ": applies to no pod");
            }
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : np.path("spec").path(direction)) {
                    for (JsonNode peer : rule.path(direction.equals("ingress") ? "from" : "to")) {
                        // a peer with a namespaceSelector selects pods elsewhere, which this render cannot know
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")
                                && noPod(pods, np, p -> Selectors.matches(peer.path("podSelector"), p.labels()))) {
                            unmatched.add(Rendered.id(np) + ": " + direction + " peer " + peer + " selects no pod");
                        }
                    }
                }
            }
        }
        for (JsonNode kafka : rendered.ofKind("Kafka").toList()) {
            for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                for (JsonNode peer : listener.path("networkPolicyPeers")) {
                    if (!peer.has("namespaceSelector") && noPod(pods, kafka, p -> Selectors.matches(peer.path("podSelector"), p.labels()))) {
                        unmatched.add(Rendered.id(kafka) + ": listener " + listener.path("name").asText() + " peer " + peer + " selects no pod");
                    }
                }
            }
        }
        for (JsonNode monitor : rendered.ofKind("ServiceMonitor").toList()) {
            boolean found = rendered.ofKind("Service").anyMatch(s -> Rendered.namespaceOf(s).equals(Rendered.namespaceOf(monitor))
                    && Selectors.matches(monitor.at("/spec/selector"), Pods.labels(s.at("/metadata/labels"))));
            if (!found) {
                unmatched.add(Rendered.id(monitor) + ": selects no Service");
            }
        }
        for (JsonNode ingress : rendered.ofKind("Ingress").toList()) {
            for (JsonNode path : ingress.findValues("paths").stream().flatMap(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false)).toList()) {
                JsonNode backend = path.at("/backend/service");
                boolean found = rendered.ofKind("Service").anyMatch(s -> backend.path("name").asText().equals(s.at("/metadata/name").asText())
                        && Rendered.namespaceOf(s).equals(Rendered.namespaceOf(ingress))
                        && java.util.stream.StreamSupport.stream(s.at("/spec/ports").spliterator(), false).anyMatch(port ->
                                backend.at("/port/name").asText().equals(port.path("name").asText())
                                        || backend.at("/port/number").asInt(-1) == port.path("port").asInt()));
                if (!found) {
                    unmatched.add(Rendered.id(ingress) + ": no Service port for " + backend);
                }
            }
        }
        for (JsonNode backup : rendered.ofKind("ScheduledBackup").toList()) {
            if (rendered.ofKind("Cluster").noneMatch(c -> c.at("/metadata/name").asText().equals(backup.at("/spec/cluster/name").asText())
                    && Rendered.namespaceOf(c).equals(Rendered.namespaceOf(backup)))) {
                unmatched.add(Rendered.id(backup) + ": no Cluster " + backup.at("/spec/cluster/name").asText());
            }
        }
        for (String kind : List.of("KafkaNodePool", "KafkaTopic", "KafkaUser")) {
            for (JsonNode m : rendered.ofKind(kind).toList()) {
                String cluster = m.at("/metadata/labels/strimzi.io~1cluster").asText();
                if (rendered.ofKind("Kafka").noneMatch(k -> k.at("/metadata/name").asText().equals(cluster)
                        && Rendered.namespaceOf(k).equals(Rendered.namespaceOf(m)))) {
                    unmatched.add(Rendered.id(m) + ": no Kafka '" + cluster + "' in its namespace");
                }
            }
        }
        assertEquals(List.of(), unmatched);
    }

    /** Selectors select only in their own object's namespace. */
    private static boolean noPod(List<Pods.Pod> pods, JsonNode selecting, java.util.function.Predicate<Pods.Pod> selects) {
        String namespace = Rendered.namespaceOf(selecting);
        return pods.stream().noneMatch(p -> p.namespace().equals(namespace) && selects.test(p));
    }

    private static JsonNode deployment(Rendered rendered, String service) {
        return rendered.named("Deployment", service + "-service");
    }

    /**
     * The JVM options measured in docs/benchmarks.md are written twice: in ./ishc (which the e2e suite
     * and the benchmark read) and here. Each service's JAVA_TOOL_OPTIONS are ./ishc's options and heap,
     * plus exiting on an out-of-memory error (a pod is restarted; a local process is not).
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void jvmOptionsAreThoseOfTheLocalStack(String overlay) throws Exception {
        LocalStackJvm local = LocalStackJvm.read(Rendered.PROJECT_ROOT.resolve("ishc"));
        Rendered rendered = overlays.get(overlay);
        for (String service : SERVICES) {
            Map<String, String> variables = new HashMap<>();
            for (JsonNode source : container(rendered, service).path("envFrom")) {
                JsonNode data = rendered.named("ConfigMap", source.at("/configMapRef/name").asText()).path("data");
                data.fieldNames().forEachRemaining(name -> variables.put(name, data.path(name).asText()));
            }
            List<String> expected = new ArrayList<>(local.options(service));
            expected.add("-XX:+ExitOnOutOfMemoryError");
            List<String> given = List.of(variables.getOrDefault("JAVA_TOOL_OPTIONS", "").trim().split("\\s+"));
            assertEquals(new TreeSet<>(expected), new TreeSet<>(given), service + " in " + overlay);
            assertEquals(expected.size(), given.size(), service + " in " + overlay + ": an option given twice");
        }
    }

    private static JsonNode container(Rendered rendered, String service) {
        return deployment(rendered, service).at("/spec/template/spec/containers/0");
    }
}
