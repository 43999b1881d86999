package vn.ishc.kit.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.ishc.kit.problem.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * Refuses a query parameter that carries a control character (NUL above all: PostgreSQL cannot
 * compare with it) before any resource sees it, with a 400 naming the parameter.
 */
public class QueryTextFilter {

    @ServerRequestFilter
    public void refuseControlCharacters(ContainerRequestContext request) {
        MultivaluedMap<String, String> parameters = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (hasControl(parameter.getKey())) {
                throw ProblemException.invalid("query", "query.text.invalid");
            }
            for (String value : parameter.getValue()) {
                if (hasControl(value)) {
                    throw ProblemException.invalid(parameter.getKey(), "query.text.invalid");
                }
            }
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
