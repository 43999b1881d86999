package vn.ishc.kit.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Answers OPTIONS with the methods of the path asked about (204, {@code Allow}); unknown paths go on to 404. */
public class OptionsAnswer {

    @Inject
    AllowedMethods allowed;

    @ServerRequestFilter(preMatching = true)
    public Response answerOptions(ContainerRequestContext request) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            return null;
        }
        return allowed.allowHeader(request.getUriInfo().getPath())
                .map(allow -> Response.noContent().header(HttpHeaders.ALLOW, allow).build())
                .orElse(null);
    }
}
