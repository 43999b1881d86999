package vn.ishc.registry.adminunit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;
import vn.ishc.kit.time.VietnamClock;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/api/v1/admin-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administrative units", description = "Tỉnh, huyện, xã theo mã GSO, có thời hạn hiệu lực và đơn vị kế thừa. "
        + "Provinces, districts and communes by GSO code, with validity periods and successors: a code may name different units on different dates.")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
public class AdminUnitResource {

    @Inject
    AdminUnits units;

    @Inject
    Hierarchy hierarchy;

    @Inject
    VietnamClock clock;

    @GET
    @Operation(summary = "List administrative units (tỉnh, huyện, xã) with their validity periods",
            description = "With asOf, the units in force on that date (on 2025-07-01 and after: the communes directly under the province). "
                    + "Without it, each code once, in its latest period, with all its periods in `periods` (05443 was Phường Trưng Vương "
                    + "until 2025-06-30 and is Phường Phan Đình Phùng since).")
    public List<AdminUnitView> list(
            @Parameter(description = "PROVINCE, DISTRICT or COMMUNE", example = "DISTRICT", schema = @Schema(implementation = AdminUnitLevel.class)) @QueryParam("level") String level,
            @Parameter(description = "Code of the parent unit", example = "19") @QueryParam("parentCode") String parentCode,
            @Parameter(description = "Only units in force on this date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        LocalDate on = QueryParams.date("asOf", asOf);
        List<AdminUnit> found = units.find(QueryParams.enumValue("level", level, AdminUnitLevel.class), QueryParams.text("parentCode", parentCode), on);
        if (on != null) {
            return found.stream().map(unit -> AdminUnitView.of(unit, hierarchy)).toList();
        }
        Map<String, Boolean> codes = new TreeMap<>();
        found.forEach(unit -> codes.put(unit.code, true));
        return codes.keySet().stream().map(code -> AdminUnitView.withPeriods(hierarchy.periods(code), hierarchy)).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "The unit a code named on a date",
            description = "Codes are reused: 05443 is Phường Trưng Vương (district 164) on 2025-06-30 and Phường Phan Đình Phùng "
                    + "(directly under province 19) on 2025-07-01. The answer names its successors and predecessors.")
    @APIResponse(responseCode = "200", description = "The unit in force on asOf", content = @Content(schema = @Schema(implementation = AdminUnitView.class)))
    @APIResponse(responseCode = "404", description = "No unit had this code on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdminUnitView unit(@PathParam("code") String code,
                              @Parameter(description = "Date (YYYY-MM-DD), default today", example = "2025-06-30") @QueryParam("asOf") String asOf) {
        return AdminUnitView.of(unitOn(code, asOf), hierarchy);
    }

    @GET
    @Path("/{code}/successors")
    @Operation(summary = "The units that took over a unit when it ended",
            description = "For the unit the code named on asOf: the units in force on the day it ended, whole or partial "
                    + "(a split unit has several). Empty while it is in force or when the same code simply went on.")
    @APIResponse(responseCode = "200", description = "The successors, by code",
            content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = AdminUnitView.class)))
    @APIResponse(responseCode = "404", description = "No unit had this code on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AdminUnitView> successors(@PathParam("code") String code,
                                          @Parameter(description = "A date the old unit was in force (YYYY-MM-DD), default today", example = "2025-06-30")
                                          @QueryParam("asOf") String asOf) {
        return hierarchy.successors(unitOn(code, asOf)).stream().map(s -> AdminUnitView.of(s.unit(), hierarchy)).toList();
    }

    @GET
    @Path("/{code}/predecessors")
    @Operation(summary = "The units a unit took over when it began",
            description = "For the unit the code named on asOf: the units that ended the day it began and went into it, all or part.")
    @APIResponse(responseCode = "200", description = "The predecessors, by code",
            content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = AdminUnitView.class)))
    @APIResponse(responseCode = "404", description = "No unit had this code on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AdminUnitView> predecessors(@PathParam("code") String code,
                                            @Parameter(description = "A date the unit was in force (YYYY-MM-DD), default today", example = "2025-07-01")
                                            @QueryParam("asOf") String asOf) {
        return hierarchy.predecessors(unitOn(code, asOf)).stream().map(s -> AdminUnitView.of(s.unit(), hierarchy)).toList();
    }

    private AdminUnit unitOn(String code, String asOf) {
        LocalDate on = QueryParams.date("asOf", asOf);
        LocalDate day = on == null ? clock.today() : on;
        return hierarchy.on(code, day).orElseThrow(() -> ProblemException.notFound("adminUnit.notFound", code, day));
    }
}
