package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pods a render leads to: those of its Deployments, and those the operators create for its
 * CloudNativePG Clusters and Strimzi Kafka clusters, with the labels and ports the operators give them
 * (CloudNativePG 1.25+, Strimzi 0.48+). Selectors and NetworkPolicies are checked against these.
 */
final class Pods {

    /** A kind of pod (all replicas of one owner look alike): who makes it, where, its labels and TCP ports. */
    record Pod(String owner, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
    }

    private Pods() {
    }

    static List<Pod> of(Rendered rendered) {
        List<Pod> pods = new ArrayList<>();
        rendered.ofKind("Deployment").forEach(d -> {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (JsonNode container : d.at("/spec/template/spec/containers")) {
                for (JsonNode port : container.path("ports")) {
                    ports.put(port.path("name").asText(String.valueOf(port.path("containerPort").asInt())), port.path("containerPort").asInt());
                }
            }
            pods.add(new Pod(d.at("/metadata/name").asText(), Rendered.namespaceOf(d), labels(d.at("/spec/template/metadata/labels")), ports));
        });
        rendered.ofKind("Cluster").filter(c -> c.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")).forEach(c -> {
            String name = c.at("/metadata/name").asText();
            Map<String, String> labels = new LinkedHashMap<>(labels(c.at("/spec/inheritedMetadata/labels")));
            labels.put("cnpg.io/cluster", name);
            labels.put("cnpg.io/instanceName", name + "-1");
            labels.put("cnpg.io/podRole", "instance");
            labels.put("cnpg.io/instanceRole", "primary");
            labels.put("role", "primary");
            pods.add(new Pod(name, Rendered.namespaceOf(c), labels, Map.of("postgresql", 5432, "status", 8000, "metrics", 9187)));
        });
        rendered.ofKind("Kafka").forEach(kafka -> {
            String cluster = kafka.at("/metadata/name").asText();
            rendered.ofKind("KafkaNodePool").filter(p -> cluster.equals(p.at("/metadata/labels/strimzi.io~1cluster").asText())).forEach(pool -> {
                List<String> roles = new ArrayList<>();
                pool.at("/spec/roles").forEach(r -> roles.add(r.asText()));
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("strimzi.io/cluster", cluster);
                labels.put("strimzi.io/kind", "Kafka");
                labels.put("strimzi.io/name", cluster + "-kafka");
                labels.put("strimzi.io/component-type", "kafka");
                labels.put("strimzi.io/pool-name", pool.at("/metadata/name").asText());
                labels.put("strimzi.io/broker-role", String.valueOf(roles.contains("broker")));
                labels.put("strimzi.io/controller-role", String.valueOf(roles.contains("controller")));
                Map<String, Integer> ports = new LinkedHashMap<>();
                ports.put("tcp-kafkaagent", 8443);
                if (roles.contains("controller")) {
                    ports.put("tcp-ctrlplane", 9090);
                }
                if (roles.contains("broker")) {
                    ports.put("tcp-replication", 9091);
                    for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                        ports.put("tcp-" + listener.path("name").asText(), listener.path("port").asInt());
                    }
                }
                pods.add(new Pod(cluster + "-" + pool.at("/metadata/name").asText(), Rendered.namespaceOf(kafka), labels, ports));
            });
            if (!kafka.at("/spec/entityOperator").isMissingNode()) {
                pods.add(new Pod(cluster + "-entity-operator", Rendered.namespaceOf(kafka), Map.of(
                        "strimzi.io/cluster", cluster,
                        "strimzi.io/kind", "Kafka",
                        "strimzi.io/name", cluster + "-entity-operator",
                        "strimzi.io/component-type", "entity-operator"), Map.of()));
            }
        });
        return pods;
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        return labels;
    }
}
