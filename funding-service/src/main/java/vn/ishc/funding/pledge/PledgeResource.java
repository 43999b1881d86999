package vn.ishc.funding.pledge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/pledges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pledges", description = "Cam kết tài trợ và mức đã thực hiện. Pledges and how much of them was received.")
public class PledgeResource {

    @Inject
    PledgeService pledges;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Record a pledge (ghi nhận cam kết tài trợ)",
            description = "Contributions that name the pledge fulfil it. The area follows pledgedOn as for contributions: a district "
                    + "in force that day before the 2025 reform, a commune directly under the province from it, or the province. "
                    + "Honours Idempotency-Key like contributions.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PledgeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull(message = "{field.required}") NewPledge request,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        var recorded = pledges.record(request, idempotencyKey);
        Pledge p = recorded.value();
        Response.ResponseBuilder response = recorded.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                : Response.ok().header("Idempotent-Replayed", "true");
        return response.tag(new EntityTag(Long.toString(p.version))).entity(pledges.view(p)).build();
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "List pledges with what has been fulfilled and what is outstanding today")
    public Page<PledgeView> list(@QueryParam("donorId") String donorId,
                                 @Parameter(example = "164") @QueryParam("districtCode") String districtCode,
                                 @Parameter(description = "Recorded to this commune (from the 2025 reform on)", example = "05443") @QueryParam("communeCode") String communeCode,
                                 @Parameter(description = "OPEN, FULFILLED or CANCELLED", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = PledgeStatus.class)) @QueryParam("status") String status,
                                 @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return pledges.list(QueryParams.uuid("donorId", donorId), code(districtCode), code(communeCode),
                QueryParams.enumValue("status", status, PledgeStatus.class), paging);
    }

    /** An area code filter as given, trimmed; null when blank. */
    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "Read a pledge")
    @APIResponse(responseCode = "200", description = "The pledge, with its version as ETag", content = @Content(schema = @Schema(implementation = PledgeView.class)))
    public Response get(@PathParam("id") UUID id) {
        Pledge p = pledges.get(id);
        return Response.ok(pledges.view(p)).tag(new EntityTag(Long.toString(p.version))).build();
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Cancel a pledge (hủy cam kết)")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = PledgeView.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull(message = "{field.required}") Cancellation cancellation) {
        Pledge p = pledges.cancel(id, cancellation);
        return Response.ok(pledges.view(p)).tag(new EntityTag(Long.toString(p.version))).build();
    }
}
