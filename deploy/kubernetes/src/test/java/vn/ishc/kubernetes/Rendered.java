package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An overlay rendered by {@code kubectl kustomize}, as a list of manifests. */
final class Rendered {

    static final Path KUBERNETES_DIR = Path.of("").toAbsolutePath();
    static final Path PROJECT_ROOT = KUBERNETES_DIR.getParent().getParent();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Kinds that have no namespace; every other kind in these manifests is namespaced. */
    static final java.util.Set<String> CLUSTER_SCOPED = java.util.Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass");
    // Several test classes read the same overlays in one JVM: render each once.
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String overlay;
    final List<JsonNode> manifests;

    private Rendered(String overlay, List<JsonNode> manifests) {
        this.overlay = overlay;
        this.manifests = manifests;
    }

    static synchronized Rendered overlay(String name) throws IOException, InterruptedException {
        Rendered cached = CACHE.get(name);
        if (cached == null) {
            cached = render(name);
            CACHE.put(name, cached);
        }
        return cached;
    }

    private static Rendered render(String name) throws IOException, InterruptedException {
        Path out = KUBERNETES_DIR.resolve("target").resolve("rendered-" + name + ".yaml");
        Files.createDirectories(out.getParent());
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", KUBERNETES_DIR.resolve("overlays").resolve(name).toString())
                    .redirectOutput(out.toFile()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is not on the PATH. The Kubernetes manifest checks render the overlays with "
                    + "'kubectl kustomize' (kubectl 1.27 or newer); install kubectl or run these checks where it is.", e);
        }
        if (!kubectl.waitFor(2, TimeUnit.MINUTES) || kubectl.exitValue() != 0) {
            String error = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("overlay " + name + " does not render:\n" + error);
        }
        List<JsonNode> manifests = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(out.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull()) {
                    manifests.add(node);
                }
            });
        }
        return new Rendered(name, manifests);
    }

    Stream<JsonNode> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText()));
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).filter(m -> name.equals(m.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    /** The suite's namespace: the one Namespace object of the render. */
    String namespace() {
        List<String> names = ofKind("Namespace").map(n -> n.at("/metadata/name").asText()).toList();
        if (names.size() != 1) {
            throw new AssertionError(overlay + ": expected one Namespace, found " + names);
        }
        return names.get(0);
    }

    /** Where a namespaced object lands: without metadata.namespace, kubectl applies it to "default". */
    static String namespaceOf(JsonNode manifest) {
        String namespace = manifest.at("/metadata/namespace").asText();
        return namespace.isEmpty() ? "default" : namespace;
    }

    static String id(JsonNode manifest) {
        return manifest.path("kind").asText() + "/" + manifest.at("/metadata/name").asText();
    }
}
