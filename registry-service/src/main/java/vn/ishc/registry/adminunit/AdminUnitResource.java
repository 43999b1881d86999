package vn.ishc.registry.adminunit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/admin-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administrative units", description = "Tỉnh, huyện, xã theo mã GSO, có thời hạn hiệu lực. Provinces, districts and communes by GSO code, with validity periods.")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
public class AdminUnitResource {

    @Inject
    AdminUnits units;

    @GET
    @Operation(summary = "List administrative units (tỉnh, huyện, xã) with their validity periods",
            description = "With asOf, the units in force on that date; without it, each unit once, in its latest period "
                    + "(a unit renamed or merged is listed with its newest name and dates, never twice).")
    public List<AdminUnitView> list(
            @Parameter(description = "PROVINCE, DISTRICT or COMMUNE", example = "DISTRICT", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AdminUnitLevel.class)) @QueryParam("level") String level,
            @Parameter(description = "Code of the parent unit", example = "19") @QueryParam("parentCode") String parentCode,
            @Parameter(description = "Only units in force on this date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        LocalDate on = QueryParams.date("asOf", asOf);
        List<AdminUnit> found = units.find(QueryParams.enumValue("level", level, AdminUnitLevel.class), QueryParams.text("parentCode", parentCode), on);
        return (on == null ? AdminUnits.latestPeriods(found) : found).stream().map(AdminUnitView::of).toList();
    }
}
