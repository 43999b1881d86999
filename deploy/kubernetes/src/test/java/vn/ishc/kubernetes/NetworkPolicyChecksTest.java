package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ishc.kubernetes.NetworkPolicies.Endpoint;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The namespace denies all traffic by default, and the policies allow exactly the connections the
 * suite needs: computed for every pair of pods the render leads to, and for the operators, the
 * ingress controller, Prometheus, DNS and the addresses outside the cluster.
 */
class NetworkPolicyChecksTest {

    static final List<String> SERVICES = ManifestChecksTest.SERVICES;
    /** TCP ports probed towards addresses outside the cluster. */
    static final List<Integer> EXTERNAL_PORTS = List.of(22, 53, 80, 443, 5432, 6443, 8443, 9092, 9093);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aDefaultDenyPolicyCoversEveryPodBothWays(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> defaultDeny = rendered.ofKind("NetworkPolicy")
                .filter(p -> p.at("/spec/podSelector").isEmpty())
                .filter(p -> types(p).containsAll(Set.of("Ingress", "Egress")))
                .filter(p -> p.at("/spec/ingress").isEmpty() && p.at("/spec/egress").isEmpty())
                .map(p -> Rendered.namespaceOf(p))
                .toList();
        assertEquals(List.of(rendered.namespace()), defaultDeny, "one default-deny policy (ingress and egress) in the suite's namespace");
    }

    /** Between the suite's own pods, exactly these connections are allowed, on the ports the destinations listen on. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void betweenTheSuitesPodsOnlyTheNeededConnectionsAreAllowed(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(rendered);
        String kafka = kafkaPods(rendered);
        String entityOperator = rendered.named("Kafka", "ishc").at("/metadata/name").asText() + "-entity-operator";
        int tlsPort = tlsListenerPort(rendered);
        Set<String> expected = new TreeSet<>();
        for (String service : SERVICES) {
            expected.add(flow(service + "-service", service + "-db", 5432));
            expected.add(flow(service + "-service", kafka, tlsPort));
            // CloudNativePG instances replicate from each other and talk to each other's instance manager
            expected.add(flow(service + "-db", service + "-db", 5432));
            expected.add(flow(service + "-db", service + "-db", 8000));
        }
        // reconciliation compares reporting's figures with the sources' own
        expected.add(flow("reporting-service", "registry-service", port("registry")));
        expected.add(flow("reporting-service", "funding-service", port("funding")));
        // KRaft: controller quorum and replication between the Kafka nodes; the entity operator administers topics and users
        expected.add(flow(kafka, kafka, 9090));
        expected.add(flow(kafka, kafka, 9091));
        expected.add(flow(entityOperator, kafka, 9091));

        Set<String> allowed = new TreeSet<>();
        List<Pods.Pod> pods = Pods.of(rendered);
        for (Pods.Pod from : pods) {
            for (Pods.Pod to : pods) {
                for (int port : to.ports().values()) {
                    if (policies.allows(Endpoint.of(from), Endpoint.of(to), port, "TCP")) {
                        allowed.add(flow(from.owner(), to.owner(), port));
                    }
                }
            }
        }
        assertEquals(expected, allowed);
    }

    /** Operators, the ingress controller, Prometheus and DNS: what they may reach and what they may not. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void connectionsAcrossTheNamespaceBoundaryAreTheNeededOnes(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(rendered);
        Map<String, Endpoint> pods = new java.util.HashMap<>();
        Pods.of(rendered).forEach(p -> pods.put(p.owner(), Endpoint.of(p)));
        Endpoint kafka = pods.get(kafkaPods(rendered));
        Endpoint entityOperator = pods.get("ishc-entity-operator");
        int tlsPort = tlsListenerPort(rendered);

        Endpoint ingressController = Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Endpoint prometheus = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Endpoint cnpgOperator = Endpoint.pod("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"));
        Endpoint strimziOperator = Endpoint.pod("strimzi", Map.of("strimzi.io/kind", "cluster-operator", "name", "strimzi-cluster-operator"));
        Endpoint dns = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));
        Endpoint otherNamespace = Endpoint.pod("someone-else", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Endpoint otherKubeSystemPod = Endpoint.pod("kube-system", Map.of("component", "kube-proxy"));

        List<String> wrong = new ArrayList<>();
        for (String service : SERVICES) {
            Endpoint pod = pods.get(service + "-service");
            Endpoint db = pods.get(service + "-db");
            int http = port(service);
            expect(wrong, policies, ingressController, pod, http, true);
            expect(wrong, policies, prometheus, pod, http, true);
            expect(wrong, policies, otherNamespace, pod, http, false);
            expect(wrong, policies, ingressController, pod, 9000, false);
            expect(wrong, policies, ingressController, db, 5432, false);
            expect(wrong, policies, cnpgOperator, db, 8000, true);
            expect(wrong, policies, cnpgOperator, db, 5432, true);
            expect(wrong, policies, prometheus, db, 9187, true);
            expect(wrong, policies, prometheus, db, 5432, false);
            expect(wrong, policies, strimziOperator, db, 5432, false);
            expect(wrong, policies, otherNamespace, db, 5432, false);
        }
        for (int port : List.of(9090, 9091, 8443)) {
            expect(wrong, policies, strimziOperator, kafka, port, true);
            expect(wrong, policies, cnpgOperator, kafka, port, false);
        }
        expect(wrong, policies, ingressController, kafka, tlsPort, false);
        expect(wrong, policies, prometheus, kafka, tlsPort, false);
        expect(wrong, policies, otherNamespace, kafka, tlsPort, false);
        expect(wrong, policies, otherNamespace, kafka, 9091, false);
        for (Endpoint pod : pods.values()) {
            for (String protocol : List.of("UDP", "TCP")) {
                expectProtocol(wrong, policies, pod, dns, 53, protocol, true);
                expectProtocol(wrong, policies, pod, otherKubeSystemPod, 53, protocol, false);
            }
            expect(wrong, policies, pod, ingressController, 443, false);
        }
        expect(wrong, policies, entityOperator, kafka, tlsPort, false);
        assertEquals(List.of(), wrong);
    }

    /**
     * Addresses outside the cluster, one per ipBlock in the policies: the services reach only the identity
     * provider; the PostgreSQL pods the Kubernetes API and the object store; the Strimzi pods the Kubernetes API.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheNeededAddressesOutsideTheClusterAreReachable(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(rendered);
        Map<String, List<String>> external = Map.of(
                "identity-provider", ipBlockAddresses(rendered, "identity-provider-egress"),
                "kube-api", ipBlockAddresses(rendered, "kube-api-egress-"),
                "object-store", ipBlockAddresses(rendered, "object-store-egress"),
                "internet", List.of("8.8.8.8", "1.1.1.1"));
        external.forEach((name, addresses) -> assertFalse(addresses.isEmpty(), "no ipBlock for " + name));
        rendered.ofKind("NetworkPolicy").forEach(p -> p.findValues("ipBlock").forEach(block -> {
            int prefix = Integer.parseInt(block.path("cidr").asText("0.0.0.0/0").replaceAll(".*/", ""));
            assertTrue(prefix >= 8, Rendered.id(p) + " opens " + block.path("cidr").asText());
        }));

        Set<String> expected = new TreeSet<>();
        String kafka = kafkaPods(rendered);
        for (String service : SERVICES) {
            expected.add(flow(service + "-service", "identity-provider", 443));
            for (int port : List.of(443, 6443)) {
                expected.add(flow(service + "-db", "kube-api", port));
            }
            expected.add(flow(service + "-db", "object-store", 443));
        }
        for (String strimzi : List.of(kafka, "ishc-entity-operator")) {
            expected.add(flow(strimzi, "kube-api", 443));
            expected.add(flow(strimzi, "kube-api", 6443));
        }
        Set<String> allowed = new TreeSet<>();
        for (Pods.Pod pod : Pods.of(rendered)) {
            external.forEach((name, addresses) -> {
                for (String address : addresses) {
                    for (int port : EXTERNAL_PORTS) {
                        if (policies.allows(Endpoint.of(pod), Endpoint.address(address), port, "TCP")) {
                            allowed.add(flow(pod.owner(), name, port));
                        }
                    }
                }
            });
        }
        assertEquals(expected, allowed);
    }

    /**
     * The services verify tokens with the identity provider's keys, fetched from the JWKS URL: they may
     * reach it (outside the cluster, or a Keycloak in namespace keycloak); nothing else of the suite may.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theServicesReachTheJwksUrlAndNothingElseDoes(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        String location = rendered.named("ConfigMap", "ishc-jwt").at("/data/MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText();
        assertTrue(location.startsWith("https://"), "the services fetch the identity provider's keys from its JWKS URL: " + location);
        URI jwks = URI.create(location);
        int port = jwks.getPort() == -1 ? 443 : jwks.getPort();
        NetworkPolicies policies = new NetworkPolicies(rendered);
        Endpoint keycloak = Endpoint.pod("keycloak", Map.of("app", "keycloak"));
        Endpoint identityProvider = Endpoint.address(ipBlockAddresses(rendered, "identity-provider-egress").get(0));
        List<String> wrong = new ArrayList<>();
        for (Pods.Pod pod : Pods.of(rendered)) {
            boolean isService = pod.owner().endsWith("-service");
            expect(wrong, policies, Endpoint.of(pod), identityProvider, port, isService);
            // Keycloak's own pods serve HTTPS on 8443 behind their Service's 443
            expect(wrong, policies, Endpoint.of(pod), keycloak, 8443, isService);
        }
        assertEquals(List.of(), wrong);
    }

    private static void expect(List<String> wrong, NetworkPolicies policies, Endpoint from, Endpoint to, int port, boolean allowed) {
        expectProtocol(wrong, policies, from, to, port, "TCP", allowed);
    }

    private static void expectProtocol(List<String> wrong, NetworkPolicies policies, Endpoint from, Endpoint to, int port, String protocol,
                                       boolean allowed) {
        if (policies.allows(from, to, port, protocol) != allowed) {
            wrong.add(from + " -> " + to + ":" + port + "/" + protocol + (allowed ? " is blocked" : " is allowed"));
        }
    }

    private static String flow(String from, String to, int port) {
        return from + " -> " + to + ":" + port;
    }

    /** The service's HTTP port, from its own application.properties. */
    private static int port(String service) {
        try {
            return new ServiceSources(service).httpPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String kafkaPods(Rendered rendered) {
        return "ishc-" + rendered.named("KafkaNodePool", "dual-role").at("/metadata/name").asText();
    }

    private static int tlsListenerPort(Rendered rendered) {
        for (JsonNode listener : rendered.named("Kafka", "ishc").at("/spec/kafka/listeners")) {
            if (listener.path("tls").asBoolean()) {
                return listener.path("port").asInt();
            }
        }
        return 9093;
    }

    private static List<String> ipBlockAddresses(Rendered rendered, String policyNamePrefix) {
        List<String> addresses = new ArrayList<>();
        rendered.ofKind("NetworkPolicy").filter(p -> p.at("/metadata/name").asText().startsWith(policyNamePrefix))
                .forEach(p -> p.findValues("ipBlock").forEach(block -> addresses.add(NetworkPolicies.firstAddress(block.path("cidr").asText()))));
        return addresses;
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> types = new TreeSet<>();
        policy.at("/spec/policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }
}
