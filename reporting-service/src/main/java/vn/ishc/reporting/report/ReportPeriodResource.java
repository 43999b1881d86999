package vn.ishc.reporting.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.security.Roles;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.reporting.programme.Programmes;

import java.util.List;

/**
 * A programme's report periods, where each district's report for a period stands, opening a report, and
 * the province report of a period: as data, as a workbook to forward, and as a page to print.
 */
@Path("/api/v1/programmes/{code}/report-periods")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "District reports", description = "Báo cáo định kỳ của huyện: mở, viết, gửi, duyệt, trả lại, yêu cầu sửa. "
        + "Periodic district reports: open, write, submit, approve, return, ask for an amendment.")
public class ReportPeriodResource {

    @Inject
    Programmes programmes;

    @Inject
    DistrictReports reports;

    @Inject
    ReportService service;

    @Inject
    CompletenessService completeness;

    @Inject
    ProvinceReportService provinceReports;

    @Inject
    Letterhead letterhead;

    @Inject
    VietnamClock clock;

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance provinceReport(PrintedReport report);
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The programme's report periods (kỳ báo cáo)",
            description = "A six-monthly (`{year}-H1`) and an annual (`{year}-Y`) period per year, cut as the programme says: "
                    + "Decree 09/2019/NĐ-CP (15 December – 14 June, 15 December – 14 December) or calendar half-years and years.")
    @APIResponse(responseCode = "200", description = "The periods", content = @Content(schema = @Schema(implementation = ReportPeriod.class, type = SchemaType.ARRAY)))
    public List<ReportPeriod> list(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code) {
        return reports.periods(programmes.get(code));
    }

    @GET
    @Path("/{period}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Where each district's report for the period stands: submitted, late, returned, approved")
    @APIResponse(responseCode = "200", description = "The districts' reports", content = @Content(schema = @Schema(implementation = PeriodCompleteness.class)))
    @APIResponse(responseCode = "404", description = "No such programme or period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PeriodCompleteness completeness(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                                           @Parameter(example = "2018-H1") @PathParam("period") String period) {
        return completeness.of(code, period);
    }

    @POST
    @Path("/{period}/district-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Open a district's report for the period (mở báo cáo)",
            description = "A draft whose figures are pre-filled from progress on the cut-off date and follow it until submission. "
                    + "Once the cut-off date has passed; one report per district and period (a change to an approved one is an amendment).")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = DistrictReportView.class)))
    @APIResponse(responseCode = "404", description = "No such programme or period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The period has not reached its cut-off, or the district's report exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                         @Parameter(example = "2018-H1") @PathParam("period") String period,
                         @Valid @NotNull(message = "{field.required}") NewDistrictReport request, @Context UriInfo uri) {
        DistrictReport report = service.open(code, period, request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/district-reports").path(report.id.toString()).build())
                .entity(service.view(report)).tag(new EntityTag(Long.toString(report.version))).build();
    }

    @GET
    @Path("/{period}/province-report")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The province report of a period (báo cáo tổng hợp): every district and the province in one table",
            description = "A district's row holds its approved report (frozen figures, narrative); a district without one shows its live "
                    + "figures on the cut-off date, marked LIVE_FIGURES. For the programme's last annual period, once it has ended, "
                    + "`wholeProgramme` holds the whole programme as of its end (tổng kết).")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ProvinceReport.class)))
    public ProvinceReport provinceReport(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                              @Parameter(example = "2018-H1") @PathParam("period") String period) {
        return provinceReports.compile(code, period);
    }

    @GET
    @Path("/{period}/province-report.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The province report as an Excel workbook: a sheet of figures (Số liệu) and one of narratives (Thuyết minh)")
    @APIResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response provinceWorkbook(@PathParam("code") String code, @PathParam("period") String period) {
        ProvinceReport report = provinceReports.compile(code, period);
        return Response.ok(ProvinceWorkbook.write(report, letterhead))
                .header("Content-Disposition", "attachment; filename=\"bao-cao-" + report.programme().code() + "-" + report.period().code() + ".xlsx\"")
                .build();
    }

    @GET
    @Path("/{period}/province-report.html")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The province report as a page to print, in Vietnamese administrative layout",
            description = "National motto, issuing body, number and date line, signature block (ishc.report.* settings name the issuer).")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public String provincePage(@PathParam("code") String code, @PathParam("period") String period) {
        return Templates.provinceReport(PrintedReport.of(provinceReports.compile(code, period), letterhead, clock.today())).render();
    }
}
