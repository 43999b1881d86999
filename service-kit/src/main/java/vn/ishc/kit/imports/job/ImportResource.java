package vn.ishc.kit.imports.job;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.export.TableFormat;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.Messages;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Lists brought in from files: upload (a dry run), read the report, commit; and the templates to fill in. */
@Path("/api/v1/imports")
@Tag(name = "Imports", description = "Nhập danh sách từ tệp Excel hoặc CSV: chạy thử, xem lỗi, rồi ghi. "
        + "Lists imported from Excel or CSV files: a dry run, its report, then the commit.")
@IfBuildProperty(name = "ishc.imports.enabled", stringValue = "true")
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,200}");

    @Inject
    ImportJobs jobs;

    @Inject
    ImportViews views;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "The newest imports the caller may see (a district officer: their district's), at most 100")
    @APIResponse(responseCode = "200", description = "Imports, newest first")
    public List<ImportJobView> list(@Context HttpHeaders headers) {
        Locale locale = Messages.localeOf(headers);
        return QuarkusTransaction.requiringNew().call(() -> views.recent(jobs.writerDistrict(), locale));
    }

    @POST
    @Consumes({XLSX, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Upload a file for a dry run (nothing is written until the commit)",
            description = "The body is the file itself: an .xlsx workbook or a UTF-8 .csv (comma or semicolon, with or without BOM), "
                    + "at most 10 MB, 100,000 rows and 200 columns. Every row is checked against the API's rules and matched with what "
                    + "is stored; the answer is the job with every error (row, column, value, message) and what would be created, "
                    + "updated or left unchanged. A file checked within a few seconds answers 201 with the finished report; a longer "
                    + "one answers 202 and the job is followed at its Location. A file that cannot be read (not a workbook or CSV, "
                    + "password-protected, too large, formulas without values, merged or missing headers) answers 400 and leaves nothing. "
                    + "A district officer imports into their own district only; a row of another district is an error of that row.")
    @RequestBody(required = true, content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Checked: the dry run's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "202", description = "Still being checked: follow the job at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than 10 MB")
    public Response upload(@Parameter(description = "What the file lists", required = true, example = "members",
                                   schema = @Schema(pattern = "^[a-z]{1,40}$")) @QueryParam("kind") String kind,
                           @Parameter(description = "The file's name, kept with the job", example = "hoi-vien-song-cong.xlsx",
                                   schema = @Schema(maxLength = 200)) @QueryParam("fileName") String fileName,
                           @Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        String kindName = QueryParams.text("kind", kind);
        if (kindName == null) {
            throw vn.ishc.kit.problem.ProblemException.invalid("kind", "import.kind.unknown", "", String.join(", ", jobs.kindNames()));
        }
        String name = QueryParams.text("fileName", fileName);
        if (name != null && !FILE_NAME.matcher(name).matches()) {
            throw vn.ishc.kit.problem.ProblemException.invalid("fileName", "import.fileName.invalid");
        }
        ImportJobStore.Job job = jobs.upload(kindName, name, body);
        ImportJobView view = QuarkusTransaction.requiringNew().call(() -> views.of(job, Messages.localeOf(headers)));
        return Response.status(job.status() == ImportStatus.VALIDATING ? 202 : 201).location(uri.getBaseUriBuilder()
                .path("api/v1/imports").path(job.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "An import: its status, counts, plan or result, and its first 200 errors (poll it while it runs)")
    @APIResponse(responseCode = "200", description = "The import")
    public ImportJobView get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return QuarkusTransaction.requiringNew().call(() -> views.of(jobs.readable(id, false), Messages.localeOf(headers)));
    }

    @GET
    @Path("/{id}/errors")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Every error of an import, in row order, page by page")
    @APIResponse(responseCode = "200", description = "A page of errors")
    public Page<ImportJobView.ImportError> errors(@PathParam("id") UUID id, @QueryParam("page") String page,
                                                  @QueryParam("size") String size, @Context HttpHeaders headers) {
        PageRequest paging = PageRequest.of(page, size);
        return QuarkusTransaction.requiringNew().call(() -> views.errors(jobs.readable(id, false), paging, Messages.localeOf(headers)));
    }

    @POST
    @Path("/{id}/commit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Write a checked import: every row (ALL, only when none has errors) or the valid rows (VALID)",
            description = "Rows are written club by club, about 1,500 rows a transaction, with one club snapshot event per club. "
                    + "Records are matched again when written (clubs by commune and name, members by club, name and birth date or year, "
                    + "contributions by receipt number), so committing the same file twice, or a corrected file after a partial "
                    + "import, creates no duplicates. A commit interrupted by a restart resumes by itself. Answers 200 when written, "
                    + "202 while still writing.")
    @APIResponse(responseCode = "200", description = "Written: the result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "202", description = "Still writing: poll the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobView.class)))
    public Response commit(@PathParam("id") UUID id, @Valid @NotNull ImportCommit body, @Context HttpHeaders headers) {
        ImportJobStore.Job job = jobs.commit(id, body.rows());
        ImportJobView view = QuarkusTransaction.requiringNew().call(() -> views.of(job, Messages.localeOf(headers)));
        return Response.status(job.status() == ImportStatus.COMMITTING ? 202 : 200).entity(view).build();
    }

    @GET
    @Path("/templates/{kind}.{format}")
    @Produces({XLSX, "text/csv"})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "The file to fill in for a kind of list (.xlsx with an example and a guide sheet, or .csv with the headers)")
    @APIResponse(responseCode = "200", description = "The template", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response template(@Parameter(example = "members", schema = @Schema(pattern = "^[a-z]{1,40}$")) @PathParam("kind") String kind,
                             @Parameter(example = "xlsx", schema = @Schema(enumeration = {"xlsx", "csv"})) @PathParam("format") String format) {
        TableFormat file = TableFormat.of(format);
        ImportKind importKind = jobs.kind(kind);
        StreamingOutput body = out -> ImportTemplates.write(importKind, file, out);
        return file.attachment(body, "mau-nhap-" + importKind.name());
    }
}
