package vn.ishc.reporting.reconciliation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.ishc.kit.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;

@Path("/api/v1/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "So sánh số liệu báo cáo với số liệu gốc của registry và funding. Reporting's figures compared with the sources' own counts.")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
public class ReconciliationResource {

    @Inject
    Reconciliation reconciliation;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "Do reporting's figures equal registry's and funding's own counts? (đối soát số liệu)",
            description = "Compares, for each district and the province, clubs and members with registry's GET /api/v1/stats and "
                    + "received and pledged-outstanding VND with funding's, on asOf (default today). Answers MATCH, or MISMATCH with "
                    + "every difference. The sources are asked with the caller's own token.")
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(schema = @Schema(implementation = ReconciliationReport.class)))
    @APIResponse(responseCode = "502", description = "registry or funding could not be asked (nguồn không trả lời)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReconciliationReport reconcile(
            @Parameter(example = "TN-ISHC-2017-2020") @QueryParam("programme") String programme,
            @Parameter(description = "Date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        String code = programme == null || programme.isBlank() ? "TN-ISHC-2017-2020" : programme.strip();
        return reconciliation.reconcile(code, QueryParams.date("asOf", asOf), token.getRawToken());
    }
}
