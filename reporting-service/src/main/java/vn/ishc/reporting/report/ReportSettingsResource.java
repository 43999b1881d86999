package vn.ishc.reporting.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.security.Roles;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;

/** How a programme's report periods are cut (Decree 09/2019 or calendar) and when reports are due. */
@Path("/api/v1/programmes/{code}/report-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "District reports")
public class ReportSettingsResource {

    @Inject
    Programmes programmes;

    @GET
    @Transactional
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "How the programme's report periods are cut and when reports are due")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(implementation = ReportSettings.class)))
    public ReportSettings get(@PathParam("code") String code) {
        Programme programme = programmes.get(code);
        return new ReportSettings(programme.periodScheme, programme.reportDueDays);
    }

    @PUT
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Choose how the programme's report periods are cut and when reports are due (province-admin)",
            description = "Only before the first district report is opened: the periods of existing reports must not move.")
    @APIResponse(responseCode = "200", description = "Set", content = @Content(schema = @Schema(implementation = ReportSettings.class)))
    @APIResponse(responseCode = "409", description = "District reports exist for the programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportSettings set(@PathParam("code") String code, @Valid @NotNull(message = "{field.required}") ReportSettings settings) {
        Programme programme = programmes.get(code);
        boolean changes = programme.periodScheme != settings.periodScheme() || programme.reportDueDays != settings.dueDaysAfterCutOff();
        if (changes && DistrictReport.count("programmeCode", programme.code) > 0) {
            throw ProblemException.conflict("report.settings.reportsExist", programme.code);
        }
        programme.periodScheme = settings.periodScheme();
        programme.reportDueDays = settings.dueDaysAfterCutOff();
        return new ReportSettings(programme.periodScheme, programme.reportDueDays);
    }
}
