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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An overlay rendered by {@code kubectl kustomize}, as a list of manifests. */
final class Rendered {

    static final Path KUBERNETES_DIR = Path.of("").toAbsolutePath();
    static final Path PROJECT_ROOT = KUBERNETES_DIR.getParent().getParent();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String overlay;
    final List<JsonNode> manifests;

    private Rendered(String overlay, List<JsonNode> manifests) {
        this.overlay = overlay;
        this.manifests = manifests;
    }

    static Rendered overlay(String name) throws IOException, InterruptedException {
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

    static String id(JsonNode manifest) {
        return manifest.path("kind").asText() + "/" + manifest.at("/metadata/name").asText();
    }
}
