package vn.ishc.reporting.progress;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.ishc.reporting.problem.Problem;
import vn.ishc.reporting.problem.ProblemException;
import vn.ishc.reporting.problem.QueryParams;
import vn.ishc.reporting.security.Roles;

@Path("/api/v1/programmes/{code}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tiến độ / Progress")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.VIEWER})
public class ProgressResource {

    @Inject
    ProgressService progress;

    @GET
    @Operation(summary = "Progress of a programme on a date, for the province and each district",
            description = "Clubs active/new/maintained, members active/older/women/poor/near-poor/hardship and contributions "
                    + "against the targets, by the counting rules. asOf defaults to today (Vietnam time) and must lie between "
                    + "the programme start and today. freshness says how far each source's events have been applied.")
    public ProgressDocument get(
            @Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
            @Parameter(description = "Reporting date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        return progress.progress(code, QueryParams.date("asOf", asOf));
    }

    @GET
    @Path("/districts/{district}")
    @Operation(summary = "Progress of one district on a date")
    @APIResponse(responseCode = "404", description = "No such programme, or no such district on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DistrictProgress district(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                                     @Parameter(example = "164") @PathParam("district") String district,
                                     @Parameter(description = "Reporting date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        ProgressDocument document = progress.progress(code, QueryParams.date("asOf", asOf));
        return document.districts().stream().filter(d -> d.code().equals(district)).findFirst()
                .map(d -> new DistrictProgress(document.programme(), document.asOf(), d, document.freshness()))
                .orElseThrow(() -> ProblemException.notFound("progress.district.notFound", district, document.asOf().toString()));
    }
}
