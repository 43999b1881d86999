package vn.ishc.registry.export;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.export.TableFormat;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.security.Roles;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.registry.adminunit.AdminUnits;
import vn.ishc.registry.club.ClubStatus;
import vn.ishc.registry.member.MemberStatus;

import java.util.regex.Pattern;

/** The club and member lists as files, with the list endpoints' filters and the API's personal-data rules. */
@Path("/api/v1/exports")
@Tag(name = "Exports", description = "Xuất danh sách ra tệp Excel hoặc CSV. Lists as Excel or CSV files.")
public class ExportResource {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern DISTRICT = Pattern.compile("[0-9]{3}");
    private static final Pattern COMMUNE = Pattern.compile("[0-9]{5}");

    @Inject
    ListExports exports;

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @Inject
    AdminUnits adminUnits;

    @GET
    @Path("/clubs.{format}")
    @Produces({CSV, XLSX})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The club list as a file (.xlsx or .csv, UTF-8 with BOM), with the filters of GET /api/v1/clubs",
            description = "Vietnamese headers; streamed, so any number of clubs leaves in constant memory.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response clubs(@Parameter(description = "xlsx or csv", example = "xlsx", schema = @Schema(enumeration = {"xlsx", "csv"})) @PathParam("format") String format,
                          @Parameter(description = "District code", example = "164") @QueryParam("districtCode") String districtCode,
                          @Parameter(description = "Commune code", example = "05437") @QueryParam("communeCode") String communeCode,
                          @Parameter(description = "ACTIVE or CLOSED", schema = @Schema(implementation = ClubStatus.class)) @QueryParam("status") String status,
                          @Parameter(description = "Search in the name", example = "tuc duyen") @QueryParam("q") String q) {
        TableFormat file = TableFormat.of(format);
        ListExports.Filters filters = new ListExports.Filters(QueryParams.code("districtCode", districtCode, DISTRICT), QueryParams.code("communeCode", communeCode, COMMUNE),
                null, QueryParams.asText(QueryParams.enumValue("status", status, ClubStatus.class)), QueryParams.text("q", q));
        StreamingOutput body = out -> exports.clubs(filters, new ExportScope(null, false), file, out);
        return file.attachment(body, "cau-lac-bo", filters.districtCode(), clock.today());
    }

    @GET
    @Path("/members.{format}")
    @Produces({CSV, XLSX})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The member list as a file (.xlsx or .csv, UTF-8 with BOM), by district, commune, club and status",
            description = "A district officer exports their own district only (with personal data); a province admin any district; a "
                    + "viewer's file has no names, birth dates or years, phones or ethnicity. Streamed: 600,000 members leave in constant memory.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response members(@Parameter(description = "xlsx or csv", example = "xlsx", schema = @Schema(enumeration = {"xlsx", "csv"})) @PathParam("format") String format,
                            @Parameter(description = "District code", example = "164") @QueryParam("districtCode") String districtCode,
                            @Parameter(description = "Commune code", example = "05437") @QueryParam("communeCode") String communeCode,
                            @Parameter(description = "Club id") @QueryParam("clubId") String clubId,
                            @Parameter(description = "ACTIVE or LEFT", schema = @Schema(implementation = MemberStatus.class)) @QueryParam("status") String status) {
        TableFormat file = TableFormat.of(format);
        String district = QueryParams.code("districtCode", districtCode, DISTRICT);
        ListExports.Filters filters = new ListExports.Filters(district, QueryParams.code("communeCode", communeCode, COMMUNE), QueryParams.asText(QueryParams.uuid("clubId", clubId)),
                QueryParams.asText(QueryParams.enumValue("status", status, MemberStatus.class)), null);
        ExportScope scope;
        if (caller.isViewerOnly()) {
            scope = new ExportScope(null, false);
        } else if (caller.isProvinceAdmin()) {
            scope = new ExportScope(null, true);
        } else {
            String own = caller.officerDistrict().orElseThrow(() -> ProblemException.forbidden("export.members.forbidden", "-", "-"));
            if (district != null && !district.equals(own)) {
                throw ProblemException.forbidden("export.members.forbidden", label(own), label(district));
            }
            scope = new ExportScope(own, true);
        }
        StreamingOutput body = out -> exports.members(filters, scope, file, out);
        return file.attachment(body, "hoi-vien", scope.district() != null ? scope.district() : district, clock.today());
    }

    /** "Thành phố Sông Công (165)": how a refusal names a district. */
    private String label(String code) {
        return adminUnits.lastKnownOn(code, clock.today()).map(unit -> unit.fullName + " (" + code + ")").orElse(code);
    }
}
