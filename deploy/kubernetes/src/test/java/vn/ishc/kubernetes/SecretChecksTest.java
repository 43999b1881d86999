package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The manifests carry no secret values: an apply would overwrite a rotated secret with whatever the
 * repository holds. Every Secret the suite reads is made by an operator, or created by hand as the
 * README says.
 */
class SecretChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noRenderedSecretCarriesLiteralData(String overlay) throws Exception {
        List<String> withData = Rendered.overlay(overlay).ofKind("Secret")
                .filter(s -> !s.path("data").isEmpty() || !s.path("stringData").isEmpty())
                .map(Rendered::id)
                .toList();
        assertEquals(List.of(), withData);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretReadIsMadeByAnOperatorOrCreatedAsTheReadmeSays(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        Set<String> read = new TreeSet<>();
        rendered.ofKind("Deployment").forEach(d -> {
            JsonNode pod = d.at("/spec/template/spec");
            pod.findValues("secretKeyRef").forEach(ref -> read.add(ref.path("name").asText()));
            pod.findValues("secretRef").forEach(ref -> read.add(ref.path("name").asText()));
            pod.findValues("secretName").forEach(name -> read.add(name.asText()));
        });
        rendered.ofKind("Cluster").forEach(c -> c.findValues("s3Credentials")
                .forEach(credentials -> credentials.findValues("name").forEach(name -> read.add(name.asText()))));
        rendered.ofKind("Ingress").forEach(i -> i.at("/spec/tls").forEach(tls -> read.add(tls.path("secretName").asText())));

        Set<String> byOperators = new TreeSet<>();
        rendered.ofKind("Cluster").forEach(c -> byOperators.add(c.at("/metadata/name").asText() + "-app"));
        rendered.ofKind("KafkaUser").forEach(u -> byOperators.add(u.at("/metadata/name").asText()));
        rendered.ofKind("Kafka").forEach(k -> {
            byOperators.add(k.at("/metadata/name").asText() + "-cluster-ca-cert");
            byOperators.add(k.at("/metadata/name").asText() + "-clients-ca-cert");
        });
        Set<String> shipped = new TreeSet<>();
        rendered.ofKind("Secret").forEach(s -> shipped.add(s.at("/metadata/name").asText()));

        String readme = Files.readString(Rendered.KUBERNETES_DIR.resolve("README.md"));
        List<String> undocumented = new ArrayList<>();
        for (String name : read) {
            if (byOperators.contains(name) || shipped.contains(name)) {
                continue;
            }
            if (!Pattern.compile("kubectl .*create secret [a-z]+ " + Pattern.quote(name) + "\\b").matcher(readme).find()) {
                undocumented.add(name);
            }
        }
        assertEquals(List.of(), undocumented, "Secrets read but neither made by an operator nor created by a command in README.md");
    }
}
