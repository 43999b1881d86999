package vn.ishc.reporting.programme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.ishc.kit.problem.Problem;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.security.Roles;

import java.util.List;

@Path("/api/v1/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "Chương trình nhân rộng và chỉ tiêu theo huyện. Replication programmes and their targets by district.")
public class ProgrammeResource {

    @Inject
    Programmes programmes;

    @Inject
    TargetsService targets;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Create a programme (province-admin)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    @APIResponse(responseCode = "409", description = "A programme with this code exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "{field.required}") NewProgramme request, @Context UriInfo uri) {
        Programme programme = targets.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(programme.code).build()).entity(programmes.view(programme)).build();
    }

    @GET
    @Path("/{code}/targets")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "A programme's targets for the province and each district, and whether the districts add up")
    public TargetsView getTargets(@PathParam("code") String code) {
        return targets.view(programmes.get(code));
    }

    @PUT
    @Path("/{code}/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Set the province targets and their split by district (province-admin)",
            description = "Replaces every target of the programme. The answer says, per figure, whether the district targets add up "
                    + "to the province's; a split that does not add up is accepted and shown, as plans are often revised in steps.")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = TargetsView.class)))
    @APIResponse(responseCode = "400", description = "Unknown district, negative or too large figure", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TargetsView setTargets(@PathParam("code") String code, @Valid @NotNull(message = "{field.required}") TargetsRequest request) {
        return targets.replace(code, request);
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "List programmes with their province targets")
    public List<ProgrammeView> list() {
        return programmes.all().stream().map(programmes::view).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Read one programme")
    public ProgrammeView get(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code) {
        return programmes.view(programmes.get(code));
    }
}
