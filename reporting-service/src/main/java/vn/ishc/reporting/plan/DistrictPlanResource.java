package vn.ishc.reporting.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.HistoryEntry;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.security.Roles;
import vn.ishc.reporting.review.ReturnRequest;

import java.util.List;
import java.util.UUID;

/** One revision of a district plan: read it, change its years while in draft, and take it through review. */
@Path("/api/v1/district-plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "District plans", description = "Kế hoạch của huyện theo năm: lập, gửi, duyệt hoặc trả lại. District plans per year: draft, submit, approve or return.")
public class DistrictPlanResource {

    static final String IF_MATCH_HELP = "Send the ETag you read in If-Match: 412 if the revision changed since, 428 without it.";

    @Inject
    DistrictPlans plans;

    @Inject
    PlanService service;

    @Inject
    ChangeRecorder history;

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Read a revision of a district plan",
            description = "Viewers and officers of other districts see approved (and superseded) revisions only; others answer 404.")
    @APIResponse(responseCode = "200", description = "The revision", content = @Content(schema = @Schema(implementation = DistrictPlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or not one the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return answer(plans.get(id));
    }

    @PUT
    @Path("/years")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Replace the years of a draft or returned revision", description = IF_MATCH_HELP)
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = DistrictPlanView.class)))
    @APIResponse(responseCode = "409", description = "The revision is submitted or approved: locked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceYears(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull(message = "{field.required}") PlanYearsRequest request) {
        return answer(service.replaceYears(id, ifMatch, request));
    }

    @POST
    @Path("/submission")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Submit a draft or returned revision to the province (gửi)", description = IF_MATCH_HELP)
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = DistrictPlanView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft or returned revision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(service.submit(id, ifMatch));
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Approve a submitted revision (duyệt; province-admin)",
            description = "The approved revision is locked and in force; the one it replaces is kept as SUPERSEDED. " + IF_MATCH_HELP)
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = DistrictPlanView.class)))
    @APIResponse(responseCode = "409", description = "Not a submitted revision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(service.approve(id, ifMatch));
    }

    @POST
    @Path("/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Return a submitted revision with a comment (trả lại; province-admin)", description = IF_MATCH_HELP)
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(schema = @Schema(implementation = DistrictPlanView.class)))
    @APIResponse(responseCode = "409", description = "Not a submitted revision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sendBack(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull(message = "{field.required}") ReturnRequest request) {
        return answer(service.sendBack(id, ifMatch, request.comment()));
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Who did what to the revision and when (lịch sử)", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The steps", content = @Content(schema = @Schema(implementation = HistoryEntry.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return history.historyOf(plans.get(id).id);
    }

    private Response answer(DistrictPlan plan) {
        return Response.ok(view(plan, service.label(plan.districtCode))).tag(new EntityTag(Long.toString(plan.version))).build();
    }

    static DistrictPlanView view(DistrictPlan plan, String districtLabel) {
        List<PlanYearFigures> years = PlanCoverageService.figures(plan);
        return new DistrictPlanView(plan.id, plan.programmeCode, plan.districtCode, districtLabel, plan.revision, plan.status,
                plan.returnComment, years, years.isEmpty() ? null : PlanToDate.whole(years), plan.createdAt, plan.createdBy,
                plan.submittedAt, plan.submittedBy, plan.decidedAt, plan.decidedBy);
    }
}
