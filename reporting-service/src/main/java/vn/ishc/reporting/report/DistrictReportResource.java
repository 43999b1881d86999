package vn.ishc.reporting.report;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

/** One revision of a district's report: read it, write its narrative while in draft, and take it through review. */
@Path("/api/v1/district-reports/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "District reports")
public class DistrictReportResource {

    static final String IF_MATCH_HELP = "Send the ETag you read in If-Match: 412 if the report changed since, 428 without it.";

    @Inject
    DistrictReports reports;

    @Inject
    ReportService service;

    @Inject
    ChangeRecorder history;

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Read a district report",
            description = "Viewers and officers of other districts see approved (and superseded) reports only; others answer 404. "
                    + "Frozen figures come with `differences`: where the live figures for the period now differ.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = DistrictReportView.class)))
    public Response get(@PathParam("id") UUID id) {
        return answer(reports.get(id));
    }

    @PUT
    @Path("/narrative")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Write the report's narrative: results, advantages, difficulties, proposals, next actions",
            description = "Replaces all five texts (a missing one is cleared). Draft or returned reports only. " + IF_MATCH_HELP)
    @APIResponse(responseCode = "200", description = "Written", content = @Content(schema = @Schema(implementation = DistrictReportView.class)))
    @APIResponse(responseCode = "409", description = "Submitted or approved: locked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response writeNarrative(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull(message = "{field.required}") Narrative narrative) {
        return answer(service.writeNarrative(id, ifMatch, narrative));
    }

    @POST
    @Path("/submission")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Submit the report to the province (gửi); its figures are frozen as they are now",
            description = "Needs the results text. " + IF_MATCH_HELP)
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(schema = @Schema(implementation = DistrictReportView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft or returned report", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(service.submit(id, ifMatch));
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Approve a submitted report (duyệt; province-admin)", description = "Locked from now on. " + IF_MATCH_HELP)
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = DistrictReportView.class)))
    @APIResponse(responseCode = "409", description = "Not a submitted report", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return answer(service.approve(id, ifMatch));
    }

    @POST
    @Path("/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Return a submitted report with a comment (trả lại; province-admin)",
            description = "The district can change it again; its figures follow the live ones until it is resubmitted. " + IF_MATCH_HELP)
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(schema = @Schema(implementation = DistrictReportView.class)))
    @APIResponse(responseCode = "409", description = "Not a submitted report", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sendBack(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull(message = "{field.required}") ReturnRequest request) {
        return answer(service.sendBack(id, ifMatch, request.comment()));
    }

    @POST
    @Path("/amendment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Ask for an amended report (yêu cầu báo cáo bổ sung; province-admin)",
            description = "For an approved report, e.g. when its figures now differ from the live ones: a new draft revision for the "
                    + "district, starting from the approved text. The approved report stays in force, and is kept, until the amendment "
                    + "is approved. " + IF_MATCH_HELP)
    @APIResponse(responseCode = "201", description = "The new revision", content = @Content(schema = @Schema(implementation = DistrictReportView.class)))
    @APIResponse(responseCode = "409", description = "Not an approved report, or an amendment is already in work", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestAmendment(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @Valid @NotNull(message = "{field.required}") ReturnRequest request, @Context UriInfo uri) {
        DistrictReport amended = service.requestAmendment(id, ifMatch, request.comment());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/district-reports").path(amended.id.toString()).build())
                .entity(service.view(amended)).tag(new EntityTag(Long.toString(amended.version))).build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Who did what to the report and when (lịch sử)", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The steps", content = @Content(schema = @Schema(implementation = HistoryEntry.class, type = SchemaType.ARRAY)))
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return history.historyOf(reports.get(id).id);
    }

    private Response answer(DistrictReport report) {
        return Response.ok(service.view(report)).tag(new EntityTag(Long.toString(report.version))).build();
    }
}
