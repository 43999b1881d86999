package vn.ishc.kit.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods each path of this service really has, read once from its resource classes, so
 * that OPTIONS and a 405 name exactly the operations of that path (RESTEasy would name every
 * method of the resource class, whatever the path).
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, int literals, String method) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /** The methods of the path, with HEAD beside GET and OPTIONS always; empty if no resource has the path. */
    public Optional<String> allowHeader(String requestPath) {
        // As JAX-RS matches: the path templates with the most literal characters win, then the method.
        Set<String> methods = new TreeSet<>();
        int best = -1;
        for (Route route : routes()) {
            if (!route.path().matcher(trimmed(requestPath)).matches() || route.literals() < best) {
                continue;
            }
            if (route.literals() > best) {
                methods.clear();
                best = route.literals();
            }
            methods.add(route.method());
        }
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return Optional.of(String.join(", ", methods));
    }

    private List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root != null) {
                    collect(type, root.value(), found);
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    private static void collect(Class<?> type, String root, List<Route> found) {
        for (Method method : type.getMethods()) {
            String verb = verbOf(method);
            if (verb == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String template = trimmed(root + (sub == null ? "" : "/" + sub.value()));
            found.add(new Route(compile(template), template.replaceAll("\\{[^}]*}", "").length(), verb));
        }
    }

    private static String verbOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** {@code /clubs/{id}/closure} → {@code /clubs/[^/]+/closure}; literal parts quoted. */
    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            regex.append(Pattern.quote(template.substring(at, open))).append("[^/]+");
            at = template.indexOf('}', open) + 1;
        }
        return Pattern.compile(regex.toString());
    }

    private static String trimmed(String path) {
        String single = ("/" + path).replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
