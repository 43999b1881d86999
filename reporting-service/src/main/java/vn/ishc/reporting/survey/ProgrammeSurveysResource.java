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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.security.Roles;
import vn.ishc.reporting.programme.Programmes;

import java.util.List;

/** A programme's survey rounds: list them, open one. */
@Path("/api/v1/programmes/{code}/survey-rounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey rounds")
public class ProgrammeSurveysResource {

    @Inject
    Programmes programmes;

    @Inject
    SurveyService surveys;

    @GET
    @Transactional
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The programme's survey rounds, each with its districts' visits")
    @APIResponse(responseCode = "200", description = "The rounds, oldest first", content = @Content(schema = @Schema(implementation = SurveyRoundView.class, type = SchemaType.ARRAY)))
    public List<SurveyRoundView> list(@PathParam("code") String code) {
        String programme = programmes.get(code).code;
        return SurveyRound.<SurveyRound>list("programmeCode = ?1 order by startsOn, createdAt", programme).stream()
                .map(round -> SurveyRoundResource.view(round, surveys)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Open a survey round (mở đợt khảo sát; province-admin)")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = SurveyRoundView.class)))
    public Response open(@PathParam("code") String code, @Valid @NotNull(message = "{field.required}") NewSurveyRound request, @Context UriInfo uri) {
        SurveyRound round = surveys.open(code, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/survey-rounds").path(round.id.toString()).build())
                .entity(SurveyRoundResource.view(round, surveys)).build();
    }
}
