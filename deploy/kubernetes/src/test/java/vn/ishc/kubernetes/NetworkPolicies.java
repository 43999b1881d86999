package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a render's NetworkPolicies the way Kubernetes does: a connection is allowed when the
 * source's egress policies (if any select it) and the destination's ingress policies (if any select
 * it) both allow it. Pods outside the suite's namespace and addresses outside the cluster are
 * endpoints too; policies of other namespaces are not modelled (they are not ours).
 */
final class NetworkPolicies {

    /** A pod (in some namespace, with labels and named ports) or an address outside the cluster. */
    record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports, String ip) {

        static Endpoint of(Pods.Pod pod) {
            return new Endpoint(pod.owner(), pod.namespace(), pod.labels(), pod.ports(), null);
        }

        static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(namespace + "/" + labels, namespace, labels, Map.of(), null);
        }

        static Endpoint address(String ip) {
            return new Endpoint(ip, null, Map.of(), Map.of(), ip);
        }

        /** Namespaces carry their name as a label (Kubernetes 1.22+), which the policies select on. */
        Map<String, String> namespaceLabels() {
            return namespace == null ? Map.of() : Map.of("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<JsonNode> policies;

    NetworkPolicies(Rendered rendered) {
        this.policies = rendered.ofKind("NetworkPolicy").toList();
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return allowedBy("Egress", from, to, to, port, protocol) && allowedBy("Ingress", to, from, to, port, protocol);
    }

    /** The policies of {@code subject}'s namespace that select it for {@code type}; none means all is allowed. */
    private boolean allowedBy(String type, Endpoint subject, Endpoint peer, Endpoint destination, int port, String protocol) {
        if (subject.ip() != null) {
            return true;
        }
        List<JsonNode> selecting = new ArrayList<>();
        for (JsonNode policy : policies) {
            if (Rendered.namespaceOf(policy).equals(subject.namespace()) && types(policy).contains(type)
                    && Selectors.matches(policy.at("/spec/podSelector"), subject.labels())) {
                selecting.add(policy);
            }
        }
        if (selecting.isEmpty()) {
            return true;
        }
        String rules = type.equals("Ingress") ? "ingress" : "egress";
        String peers = type.equals("Ingress") ? "from" : "to";
        for (JsonNode policy : selecting) {
            for (JsonNode rule : policy.path("spec").path(rules)) {
                boolean peerOk = !rule.has(peers) || rule.path(peers).isEmpty();
                for (JsonNode p : rule.path(peers)) {
                    peerOk |= peerMatches(p, Rendered.namespaceOf(policy), peer);
                }
                boolean portOk = !rule.has("ports") || rule.path("ports").isEmpty();
                for (JsonNode p : rule.path("ports")) {
                    portOk |= portMatches(p, destination, port, protocol);
                }
                if (peerOk && portOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> types(JsonNode policy) {
        List<String> types = new ArrayList<>();
        policy.at("/spec/policyTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            types.add("Ingress");
            if (policy.at("/spec/egress").size() > 0) {
                types.add("Egress");
            }
        }
        return types;
    }

    private static boolean peerMatches(JsonNode peer, String policyNamespace, Endpoint endpoint) {
        if (peer.has("ipBlock")) {
            if (endpoint.ip() == null || !contains(peer.at("/ipBlock/cidr").asText(), endpoint.ip())) {
                return false;
            }
            for (JsonNode except : peer.at("/ipBlock/except")) {
                if (contains(except.asText(), endpoint.ip())) {
                    return false;
                }
            }
            return true;
        }
        if (endpoint.ip() != null) {
            return false;
        }
        boolean namespaceOk = peer.has("namespaceSelector")
                ? Selectors.matches(peer.path("namespaceSelector"), endpoint.namespaceLabels())
                : policyNamespace.equals(endpoint.namespace());
        return namespaceOk && (!peer.has("podSelector") || Selectors.matches(peer.path("podSelector"), endpoint.labels()));
    }

    private static boolean portMatches(JsonNode rulePort, Endpoint destination, int port, String protocol) {
        if (!rulePort.path("protocol").asText("TCP").equals(protocol)) {
            return false;
        }
        JsonNode p = rulePort.path("port");
        if (p.isMissingNode()) {
            return true;
        }
        if (p.isTextual() && !p.asText().matches("[0-9]+")) {
            Integer named = destination.ports().get(p.asText());
            return named != null && named == port;
        }
        int from = p.asInt();
        int to = rulePort.path("endPort").asInt(from);
        return port >= from && port <= to;
    }

    static boolean contains(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = network.length * 8;
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
        } catch (UnknownHostException e) {
            throw new AssertionError("not an address: " + cidr + " / " + ip, e);
        }
    }

    /** The first host address of a CIDR (its network address plus one, or the address of a /32). */
    static String firstAddress(String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int bits = network.length * 8;
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
            BigInteger value = new BigInteger(1, network);
            if (prefix < bits) {
                value = value.add(BigInteger.ONE);
            }
            byte[] raw = value.toByteArray();
            byte[] out = new byte[network.length];
            System.arraycopy(raw, Math.max(0, raw.length - out.length), out, Math.max(0, out.length - raw.length), Math.min(raw.length, out.length));
            return InetAddress.getByAddress(out).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("not a CIDR: " + cidr, e);
        }
    }
}
