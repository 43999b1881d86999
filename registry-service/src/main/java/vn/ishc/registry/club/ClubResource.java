package vn.ishc.registry.club;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.registry.problem.Problem;
import vn.ishc.registry.security.Roles;

import java.util.UUID;

@Path("/api/v1/clubs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Câu lạc bộ / Clubs")
public class ClubResource {

    @Inject
    ClubService clubs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER})
    @Operation(summary = "Register a club (đăng ký câu lạc bộ)",
            description = "A province-admin anywhere, a district-officer only in the district of its token. "
                    + "The commune must exist on establishedOn; the date must not be in the future.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ClubView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Outside the caller's district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An active club of that name exists in the commune", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull(message = "{field.required}") NewClub request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Club club = clubs.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(club.id.toString()).build())
                .tag(etag(club)).entity(ClubView.of(club)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.VIEWER})
    @Operation(summary = "Read a club")
    @APIResponse(responseCode = "200", description = "The club", content = @Content(schema = @Schema(implementation = ClubView.class)))
    @APIResponse(responseCode = "404", description = "No such club", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Club club = clubs.get(id);
        return Response.ok(ClubView.of(club)).tag(etag(club)).build();
    }

    static EntityTag etag(Club club) {
        return new EntityTag(Long.toString(club.version));
    }
}
