package vn.ishc.reporting.rebuild;

import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Dựng lại dữ liệu báo cáo từ các topic. Rebuilding reporting's projections from the topics.")
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    @POST
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Rebuild every projection by replaying the topics from the beginning (province-admin)",
            description = "Answers at once; the replay fills a shadow copy of the projections in the background while progress keeps "
                    + "answering from the current figures, and the copy replaces them at once when it has caught up (seconds to about "
                    + "a minute at national size). Follow it at GET /api/v1/admin/rebuild until SWITCHED, then check "
                    + "GET /api/v1/reconciliation for MATCH. Safe with any number of replicas: one replays, all switch; if its replica "
                    + "dies, another takes the rebuild over.")
    @APIResponse(responseCode = "202", description = "Started: follow it at Location", content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is replaying already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Context UriInfo uri) {
        RebuildStatus started = rebuild.start();
        return Response.accepted(started).location(uri.getRequestUri()).build();
    }

    @GET
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "The latest rebuild and where it is (province-admin)")
    @APIResponse(responseCode = "200", description = "The latest rebuild", content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "404", description = "No rebuild was ever asked for",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildStatus latest() {
        return rebuild.latest().orElseThrow(() -> ProblemException.notFound("rebuild.none"));
    }
}
