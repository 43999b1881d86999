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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.reporting.security.Roles;

@Path("/api/v1/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Đối soát / Reconciliation")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.VIEWER})
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
    public ReconciliationReport reconcile(
            @Parameter(example = "TN-ISHC-2017-2020") @QueryParam("programme") String programme,
            @Parameter(description = "Date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        String code = programme == null || programme.isBlank() ? "TN-ISHC-2017-2020" : programme.strip();
        return reconciliation.reconcile(code, QueryParams.date("asOf", asOf), token.getRawToken());
    }
}
