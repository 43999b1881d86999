package vn.ishc.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Ingress routes the services' APIs and reporting's dashboard and nothing else: Quarkus serves
 * metrics, health details, OpenAPI and Swagger UI under {@code /q} on the same port, for Prometheus
 * and the kubelet only.
 */
class IngressChecksTest {

    /** Requests that must never reach a service through the Ingress. */
    static final List<String> INTERNAL_PATHS = List.of("/q", "/q/", "/q/metrics", "/q/health", "/q/health/ready",
            "/q/openapi", "/q/swagger-ui/", "/q/dev-ui");
    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"(/[^\"]*)\"\\)");
    private static final Pattern ABSOLUTE_REFERENCE = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"");

    /** One routed path of an Ingress. */
    record Route(String ingress, String host, String path, String type, String service) {

        /** Whether a request for {@code request} takes this route (Kubernetes Ingress semantics for Exact and Prefix). */
        boolean routes(String request) {
            if (type.equals("Exact")) {
                return request.equals(path);
            }
            // Prefix matches whole path elements: /api matches /api and /api/x, not /apix
            List<String> prefix = elements(path);
            List<String> requested = elements(request);
            return requested.size() >= prefix.size() && requested.subList(0, prefix.size()).equals(prefix);
        }

        private static List<String> elements(String path) {
            return Stream.of(path.split("/")).filter(e -> !e.isEmpty()).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noIngressPathIsOrCoversQ(String overlay) throws Exception {
        Rendered rendered = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode ingress : rendered.ofKind("Ingress").toList()) {
            if (ingress.at("/spec/defaultBackend").isObject()) {
                problems.add(Rendered.id(ingress) + ": a default backend receives every path, /q included");
            }
            // these nginx annotations change how paths match (regular expressions, rewrites)
            ingress.at("/metadata/annotations").fieldNames().forEachRemaining(name -> {
                if (name.endsWith("/use-regex") || name.endsWith("/rewrite-target") || name.endsWith("/server-snippet")
                        || name.endsWith("/configuration-snippet")) {
                    problems.add(Rendered.id(ingress) + ": annotation " + name);
                }
            });
        }
        for (Route route : routes(rendered)) {
            if (!Set.of("Exact", "Prefix").contains(route.type())) {
                problems.add(route + ": pathType " + route.type() + " matches as the controller likes; use Exact or Prefix");
                continue;
            }
            for (String request : INTERNAL_PATHS) {
                if (route.routes(request)) {
                    problems.add(route + " routes " + request);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Every resource a service publishes under /api is reachable, and so is the dashboard with its files and its stream. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theApisAndTheDashboardAreRouted(String overlay) throws Exception {
        List<Route> routes = routes(Rendered.overlay(overlay));
        List<String> unrouted = new ArrayList<>();
        for (String service : ManifestChecksTest.SERVICES) {
            Path module = Rendered.PROJECT_ROOT.resolve(service + "-service");
            Set<String> resourcePaths = new TreeSet<>();
            try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = CLASS_PATH.matcher(Files.readString(file));
                    while (m.find()) {
                        resourcePaths.add(m.group(1).replaceAll("\\{[^}]*}", "x"));
                    }
                }
            }
            assertTrue(!resourcePaths.isEmpty(), service + " publishes no resources?");
            for (String path : resourcePaths) {
                assertTrue(path.startsWith("/api/"), service + " publishes " + path + " outside /api, which the Ingress does not route");
                requireRoute(routes, service, path, unrouted);
            }
        }
        // the dashboard: its page at /, the files the page loads, the API it calls with its live stream
        Path dashboard = Rendered.PROJECT_ROOT.resolve("reporting-service/src/main/resources/META-INF/resources");
        requireRoute(routes, "reporting", "/", unrouted);
        Matcher references = ABSOLUTE_REFERENCE.matcher(Files.readString(dashboard.resolve("index.html")));
        while (references.find()) {
            requireRoute(routes, "reporting", references.group(1), unrouted);
        }
        requireRoute(routes, "reporting", "/api/v1/programmes/x/progress/stream", unrouted);
        assertEquals(List.of(), unrouted);
        // and nothing else of reporting's static files or the services' other paths
        for (Route route : routes) {
            boolean api = route.type().equals("Prefix") && route.path().equals("/api");
            boolean dashboardFile = route.service().equals("reporting-service") && route.type().equals("Exact")
                    && (route.path().equals("/") || Files.isRegularFile(dashboard.resolve(route.path().substring(1))));
            assertTrue(api || dashboardFile, route + " routes more than the API and the dashboard");
        }
    }

    private static void requireRoute(List<Route> routes, String service, String request, List<String> unrouted) {
        if (routes.stream().noneMatch(r -> r.service().equals(service + "-service") && r.routes(request))) {
            unrouted.add(service + ": " + request);
        }
    }

    private static List<Route> routes(Rendered rendered) throws IOException {
        List<Route> routes = new ArrayList<>();
        for (JsonNode ingress : rendered.ofKind("Ingress").toList()) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                for (JsonNode path : rule.at("/http/paths")) {
                    routes.add(new Route(ingress.at("/metadata/name").asText(), rule.path("host").asText(),
                            path.path("path").asText(), path.path("pathType").asText(), path.at("/backend/service/name").asText()));
                }
            }
        }
        return routes;
    }
}
