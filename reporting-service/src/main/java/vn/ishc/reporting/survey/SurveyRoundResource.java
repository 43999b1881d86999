package vn.ishc.reporting.survey;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
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
import vn.ishc.reporting.plan.DistrictPlan;
import vn.ishc.reporting.plan.DistrictPlanView;
import vn.ishc.reporting.plan.PlanService;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A survey round: every district's answers side by side, recording visits, and a district's proposals as a draft plan. */
@Path("/api/v1/survey-rounds/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey rounds", description = "Khảo sát trước khi lập kế hoạch: đợt khảo sát, biên bản làm việc với từng huyện. "
        + "Surveys before the plan: rounds and the record of each district visit.")
public class SurveyRoundResource {

    @Inject
    SurveyService surveys;

    @Inject
    PlanService plans;

    @Inject
    ChangeRecorder history;

    @GET
    @Transactional
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "A survey round with every district's visits and answers side by side")
    @APIResponse(responseCode = "200", description = "The round", content = @Content(schema = @Schema(implementation = SurveyRoundView.class)))
    public SurveyRoundView get(@PathParam("id") UUID id) {
        return view(surveys.round(id), surveys);
    }

    @POST
    @Path("/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Record a visit to a district of the round, or to one of its communes (biên bản làm việc)",
            description = "One record per district (and per commune) and round; a district officer records for their own district only.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = SurveyVisitView.class)))
    @APIResponse(responseCode = "409", description = "This district (or commune) already has a record in the round", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") UUID id, @Valid @NotNull(message = "{field.required}") VisitDetails details, @Context UriInfo uri) {
        SurveyVisit visit = surveys.record(id, details);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/survey-visits").path(visit.id.toString()).build())
                .entity(SurveyVisitView.of(visit)).tag(new EntityTag(Long.toString(visit.version))).build();
    }

    @POST
    @Path("/districts/{district}/draft-plan")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Turn a district's proposals into a draft plan (lập dự thảo kế hoạch từ kết quả khảo sát)",
            description = "Per proposed year: the proposed new clubs, the clubs operating now as maintained; older members and money left at 0 "
                    + "for the district to fill in before submitting.")
    @APIResponse(responseCode = "201", description = "The draft plan", content = @Content(schema = @Schema(implementation = DistrictPlanView.class)))
    @APIResponse(responseCode = "409", description = "No district visit with proposals, or a plan revision already in work", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response draftPlan(@PathParam("id") UUID id, @PathParam("district") String district, @Context UriInfo uri) {
        DistrictPlan plan = surveys.draftPlan(id, district);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/district-plans").path(plan.id.toString()).build())
                .entity(plans.view(plan)).tag(new EntityTag(Long.toString(plan.version))).build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Who opened the round and recorded or changed its visits, and when", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The steps", content = @Content(schema = @Schema(implementation = HistoryEntry.class, type = SchemaType.ARRAY)))
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return history.historyOf(surveys.round(id).id);
    }

    static SurveyRoundView view(SurveyRound round, SurveyService surveys) {
        List<SurveyVisit> visits = SurveyVisit.list("roundId = ?1 order by districtCode, communeCode nulls first", round.id);
        List<SurveyRoundView.District> districts = round.districts.stream().sorted().map(code -> {
            List<SurveyVisit> mine = visits.stream().filter(v -> v.districtCode.equals(code)).toList();
            List<VisitDetails.ProposedClubs> proposed = mine.stream().filter(v -> v.communeCode == null).findFirst()
                    .map(v -> v.proposedClubs).orElse(List.of()).stream().sorted(Comparator.comparing(VisitDetails.ProposedClubs::year)).toList();
            return new SurveyRoundView.District(code, surveys.label(code), !mine.isEmpty(), mine.stream().map(SurveyVisitView::of).toList(), proposed);
        }).toList();
        return new SurveyRoundView(round.id, round.programmeCode, round.title, round.purpose, round.startsOn, round.endsOn, districts,
                round.createdAt, round.createdBy);
    }
}
