package vn.ishc.funding.contribution;

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
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.HistoryEntry;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contributions", description = "Đóng góp xã hội bằng tiền, hiện vật, ngày công; hủy bằng bút toán đảo. Social contributions in cash, in kind or labour days; corrected by reversal.")
public class ContributionResource {

    @Inject
    ContributionService contributions;

    @Inject
    ChangeRecorder history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Record a contribution (ghi nhận đóng góp)",
            description = "The area follows receivedOn (decision 0013): on a date when the province's districts are in force, a "
                    + "districtCode in force that day (a communeCode is refused); on a date when communes sit directly under the "
                    + "province (from the 2025 reform), a communeCode in force that day (a districtCode is refused). With clubId the "
                    + "area is where the club sits that day; an unknown club, a club closed on receivedOn or an unknown area is "
                    + "refused. Without area or club the contribution counts for the province only (province-admin). "
                    + "A district officer records in their district, an area officer in their communes. "
                    + "Send an Idempotency-Key to retry safely: the same key and body return the first result (200), the same key "
                    + "with another body is 422.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ContributionView.class)))
    @APIResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the first result", content = @Content(schema = @Schema(implementation = ContributionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Receipt number already used in the district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used for another request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull(message = "{field.required}") NewContribution request,
                           @Parameter(description = "A key of your choice, unique per contribution you mean to record", example = "phieu-thu-PT-2019-0142")
                           @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        var recorded = contributions.record(request, idempotencyKey);
        Contribution c = recorded.value();
        Response.ResponseBuilder response = recorded.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                : Response.ok().header("Idempotent-Replayed", "true");
        return response.tag(new EntityTag(Long.toString(c.version))).entity(ContributionView.of(c)).build();
    }

    @POST
    @Path("/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Reverse a contribution (hủy bút toán)",
            description = "The contribution stays visible with status REVERSED and stops counting from reversedOn. A reversed contribution cannot be reversed again (409).")
    @APIResponse(responseCode = "200", description = "Reversed", content = @Content(schema = @Schema(implementation = ContributionView.class)))
    @APIResponse(responseCode = "409", description = "Already reversed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reverse(@PathParam("id") UUID id, @Valid @NotNull(message = "{field.required}") Reversal reversal) {
        Contribution c = contributions.reverse(id, reversal);
        return Response.ok(ContributionView.of(c)).tag(new EntityTag(Long.toString(c.version))).build();
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "List contributions, with the total VND of the filtered set",
            description = "Ordered by receivedOn, then id. totalVnd adds up every contribution that matches, not only this page.")
    public ContributionPage list(
            @Parameter(example = "164") @QueryParam("districtCode") String districtCode,
            @Parameter(description = "Recorded to this commune (from the 2025 reform on)", example = "05443") @QueryParam("communeCode") String communeCode,
            @QueryParam("clubId") String clubId,
            @QueryParam("donorId") String donorId,
            @Parameter(description = "CASH, IN_KIND or LABOUR", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ContributionForm.class)) @QueryParam("form") String form,
            @Parameter(description = "RECORDED or REVERSED", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ContributionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Received on or after (YYYY-MM-DD)", example = "2017-01-01") @QueryParam("receivedFrom") String from,
            @Parameter(description = "Received on or before (YYYY-MM-DD)", example = "2020-12-31") @QueryParam("receivedTo") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        var filter = new ContributionService.Filter(code(districtCode), code(communeCode),
                QueryParams.uuid("clubId", clubId), QueryParams.uuid("donorId", donorId),
                QueryParams.enumValue("form", form, ContributionForm.class),
                QueryParams.enumValue("status", status, ContributionStatus.class),
                QueryParams.date("receivedFrom", from), QueryParams.date("receivedTo", to));
        return contributions.list(filter, paging);
    }

    /** An area code filter as given, trimmed; null when blank. */
    static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "Read a contribution")
    @APIResponse(responseCode = "200", description = "The contribution, with its version as ETag", content = @Content(schema = @Schema(implementation = ContributionView.class)))
    @APIResponse(responseCode = "404", description = "No such contribution", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Contribution c = contributions.get(id);
        return Response.ok(ContributionView.of(c)).tag(new EntityTag(Long.toString(c.version))).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "Who recorded or reversed a contribution, and when")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        contributions.get(id);
        return history.historyOf(id);
    }
}
