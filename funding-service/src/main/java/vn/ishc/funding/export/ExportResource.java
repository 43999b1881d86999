package vn.ishc.funding.export;

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
import vn.ishc.funding.contribution.ContributionForm;
import vn.ishc.funding.contribution.ContributionStatus;
import vn.ishc.funding.donor.DonorType;
import vn.ishc.funding.pledge.PledgeStatus;
import vn.ishc.kit.export.TableFormat;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.security.Roles;
import vn.ishc.kit.time.VietnamClock;

import java.util.regex.Pattern;

/** The contribution and pledge lists as files, with the list endpoints' filters and the API's rules on donors' names. */
@Path("/api/v1/exports")
@Tag(name = "Exports", description = "Xuất danh sách ra tệp Excel hoặc CSV. Lists as Excel or CSV files.")
public class ExportResource {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern DISTRICT = Pattern.compile("[0-9]{3}");
    private static final Pattern COMMUNE = Pattern.compile("[0-9]{5}");

    @Inject
    FundingExports exports;

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @GET
    @Path("/contributions.{format}")
    @Produces({CSV, XLSX})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The contribution list as a file (.xlsx or .csv, UTF-8 with BOM), with the filters of GET /api/v1/contributions",
            description = "A donor who is a person is named for the province and the officers of the district that registered them only; "
                    + "a viewer's file names no donor. Streamed: any number of rows in constant memory.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response contributions(@Parameter(description = "xlsx or csv", example = "xlsx", schema = @Schema(enumeration = {"xlsx", "csv"})) @PathParam("format") String format,
                                  @Parameter(example = "164") @QueryParam("districtCode") String districtCode,
                                  @Parameter(example = "05443") @QueryParam("communeCode") String communeCode,
                                  @QueryParam("clubId") String clubId,
                                  @QueryParam("donorId") String donorId,
                                  @Parameter(description = "CASH, IN_KIND or LABOUR", schema = @Schema(implementation = ContributionForm.class)) @QueryParam("form") String form,
                                  @Parameter(description = "RECORDED or REVERSED", schema = @Schema(implementation = ContributionStatus.class)) @QueryParam("status") String status,
                                  @Parameter(description = "Received on or after (YYYY-MM-DD)", example = "2017-01-01") @QueryParam("receivedFrom") String from,
                                  @Parameter(description = "Received on or before (YYYY-MM-DD)", example = "2020-12-31") @QueryParam("receivedTo") String to) {
        TableFormat file = TableFormat.of(format);
        FundingExports.ContributionFilters filters = new FundingExports.ContributionFilters(QueryParams.code("districtCode", districtCode, DISTRICT),
                QueryParams.code("communeCode", communeCode, COMMUNE), QueryParams.asText(QueryParams.uuid("clubId", clubId)),
                QueryParams.asText(QueryParams.uuid("donorId", donorId)), QueryParams.asText(QueryParams.enumValue("form", form, ContributionForm.class)),
                QueryParams.asText(QueryParams.enumValue("status", status, ContributionStatus.class)), QueryParams.date("receivedFrom", from),
                QueryParams.date("receivedTo", to));
        FundingExports.Reader reader = reader();
        StreamingOutput body = out -> exports.contributions(filters, reader, file, out);
        return file.attachment(body, "dong-gop", filters.districtCode() != null ? filters.districtCode() : filters.communeCode(), clock.today());
    }

    @GET
    @Path("/pledges.{format}")
    @Produces({CSV, XLSX})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The pledge list as a file (.xlsx or .csv, UTF-8 with BOM), with what each has received and still lacks",
            description = "Donors' names as for contributions. Streamed.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response pledges(@Parameter(description = "xlsx or csv", example = "xlsx", schema = @Schema(enumeration = {"xlsx", "csv"})) @PathParam("format") String format,
                            @Parameter(example = "164") @QueryParam("districtCode") String districtCode,
                            @Parameter(example = "05443") @QueryParam("communeCode") String communeCode,
                            @QueryParam("donorId") String donorId,
                            @Parameter(description = "OPEN, FULFILLED or CANCELLED", schema = @Schema(implementation = PledgeStatus.class)) @QueryParam("status") String status) {
        TableFormat file = TableFormat.of(format);
        String district = QueryParams.code("districtCode", districtCode, DISTRICT);
        String commune = QueryParams.code("communeCode", communeCode, COMMUNE);
        String donor = QueryParams.asText(QueryParams.uuid("donorId", donorId));
        String state = QueryParams.asText(QueryParams.enumValue("status", status, PledgeStatus.class));
        FundingExports.Reader reader = reader();
        StreamingOutput body = out -> exports.pledges(district, commune, donor, state, reader, file, out);
        return file.attachment(body, "cam-ket", district != null ? district : commune, clock.today());
    }

    @GET
    @Path("/donors.{format}")
    @Produces({CSV, XLSX})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "The donor list as a file (.xlsx or .csv, UTF-8 with BOM), with the filters of GET /api/v1/donors",
            description = "As the list: a district officer's file leaves out persons registered by other districts. Viewers get no donor list.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response donors(@Parameter(description = "xlsx or csv", example = "xlsx", schema = @Schema(enumeration = {"xlsx", "csv"})) @PathParam("format") String format,
                           @Parameter(description = "Donor type", example = "BUSINESS", schema = @Schema(implementation = DonorType.class)) @QueryParam("type") String type,
                           @Parameter(description = "Search text", example = "gang thep") @QueryParam("q") String q) {
        TableFormat file = TableFormat.of(format);
        String kind = QueryParams.asText(QueryParams.enumValue("type", type, DonorType.class));
        String text = QueryParams.text("q", q);
        FundingExports.Reader reader = reader();
        StreamingOutput body = out -> exports.donors(kind, text, reader, file, out);
        return file.attachment(body, "nha-tai-tro", null, clock.today());
    }

    private FundingExports.Reader reader() {
        if (caller.isViewerOnly()) {
            return new FundingExports.Reader(false, true, null, java.util.Set.of());
        }
        return new FundingExports.Reader(caller.isProvinceAdmin(), false, caller.officerDistrict().orElse(null), caller.officerCommunes());
    }
}
