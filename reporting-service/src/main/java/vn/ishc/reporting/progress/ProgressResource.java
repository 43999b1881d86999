package vn.ishc.reporting.progress;

import vn.ishc.kit.security.Caller;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Roles;

@Path("/api/v1/programmes/{code}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "Tiến độ so với chỉ tiêu tại một ngày, chuỗi theo tháng/quý và luồng trực tiếp. Progress against targets on a date, monthly/quarterly series and the live stream.")
@RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
public class ProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    ProgressChanges changes;

    @Inject
    LiveStreams streams;

    @Inject
    JsonWebToken token;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Progress of a programme on a date, for the province and each area in force",
            description = "Clubs active/new/maintained, members active/older/women/poor/near-poor/hardship and contributions "
                    + "against the targets, by the counting rules. asOf defaults to today (Vietnam time), or to the "
                    + "programme's end once it has ended, and must lie between the programme start and today. freshness says how far each source's events have been applied. "
                    + "areas is the level-neutral view: the areas in force on asOf (the districts before 2025-07-01, the communes "
                    + "directly under the province from then on, decision 0013), each with its level; districts lists the districts "
                    + "as before and is empty from 2025-07-01. A club counts in the area it is placed in on asOf; money recorded to a "
                    + "district counts in it while it is in force, at province level from the day it ends; so province = Σ areas + "
                    + "province-level items on both sides of the reform. clubsAwaitingSuccessor counts the active clubs whose commune "
                    + "was split and whose successor is not decided yet (province level); coverage gives the communes with an active club.")
    public Uni<ProgressDocument> get(
            @Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
            @Parameter(description = "Reporting date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        LocalDate date = QueryParams.date("asOf", asOf);
        ProgressDocument ready = progress.ready(code, date);
        if (ready != null) {
            // Answered on the event loop: dashboards mostly read a document nothing has changed since,
            // and handing each of those to a worker thread and back cost more than the answer.
            return Uni.createFrom().item(ready);
        }
        return Uni.createFrom().item(() -> progress.progress(code, date)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/norms")
    @Operation(summary = "How many clubs meet the club norms on a date, for the province and each district",
            description = "Of the clubs active on the date: those with 50–70 active members, with 60–70% women and with 60–70% "
                    + "older people among them (định mức câu lạc bộ), and those meeting all three. Counts of clubs, never of "
                    + "people, so viewers see them too. asOf as for progress.")
    public NormsDocument norms(
            @Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
            @Parameter(description = "Reporting date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        return progress.norms(code, QueryParams.date("asOf", asOf));
    }

    @GET
    @Path("/table.{format}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Progress on a date as a table to download (.xlsx, or .csv UTF-8 with BOM): the province and each district",
            description = "The figures of GET …/progress for the same asOf, with targets, approved plans to date and attainment.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The file", content = {
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public jakarta.ws.rs.core.Response table(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                                             @Parameter(description = "xlsx or csv", example = "xlsx", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"xlsx", "csv"})) @PathParam("format") String format,
                                             @Parameter(description = "Reporting date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        vn.ishc.kit.export.TableFormat file = vn.ishc.kit.export.TableFormat.of(format);
        ProgressDocument document = progress.progress(code, QueryParams.date("asOf", asOf));
        return file.attachment(out -> ProgressTable.document(document, file, out), "tien-do-" + document.programme().code() + "-" + document.asOf());
    }

    @GET
    @Path("/series/table.{format}")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "The series as a table to download (.xlsx or .csv): one row per date and area",
            description = "The points of GET …/progress/series for the same period, from and to.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The file", content = {
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "text/csv",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public jakarta.ws.rs.core.Response seriesTable(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                                                   @Parameter(description = "xlsx or csv", example = "xlsx", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"xlsx", "csv"})) @PathParam("format") String format,
                                                   @Parameter(description = "MONTH, QUARTER or YEAR", example = "YEAR", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ProgressSeries.Period.class)) @QueryParam("period") String period,
                                                   @Parameter(description = "First day (YYYY-MM-DD)", example = "2017-01-01") @QueryParam("from") String from,
                                                   @Parameter(description = "Last day (YYYY-MM-DD)", example = "2020-12-31") @QueryParam("to") String to) {
        vn.ishc.kit.export.TableFormat file = vn.ishc.kit.export.TableFormat.of(format);
        ProgressSeries series = series(code, period, from, to);
        return file.attachment(out -> ProgressTable.series(series, file, out), "dien-bien-" + series.programme().code() + "-" + series.period());
    }

    @GET
    @Path("/series")
    @Operation(summary = "Progress at the end of each month or quarter, for charts",
            description = "One point per period end between from and to (both within the programme and not after today); the last "
                    + "point is on to itself when it does not end a period. At most 120 points.")
    public ProgressSeries series(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                                 @Parameter(description = "MONTH, QUARTER or YEAR (with each district's approved plan to that year: plan against actual)", example = "QUARTER", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ProgressSeries.Period.class)) @QueryParam("period") String period,
                                 @Parameter(description = "First day (YYYY-MM-DD), default the programme start", example = "2017-01-01") @QueryParam("from") String from,
                                 @Parameter(description = "Last day (YYYY-MM-DD), default today or the programme end", example = "2020-12-31") @QueryParam("to") String to) {
        ProgressSeries.Period step = QueryParams.enumValue("period", period, ProgressSeries.Period.class);
        return progress.series(code, step == null ? ProgressSeries.Period.MONTH : step, QueryParams.date("from", from), QueryParams.date("to", to));
    }

    @GET
    @Path("/stream")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live progress (server-sent events)",
            description = "Sends the progress document at once, then again whenever an event from registry or funding has been "
                    + "applied (changes landing together are sent once). The stream ends when the caller's token expires; "
                    + "a caller may hold a few streams at once (429 beyond).")
    @APIResponse(responseCode = "200", description = "A progress document (JSON) per server-sent event",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = ProgressDocument.class)))
    @APIResponse(responseCode = "429", description = "Too many open streams for this caller or in total",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<ProgressDocument> stream(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                                          @Parameter(description = "Reporting date (YYYY-MM-DD), default today or the programme end") @QueryParam("asOf") String asOf) {
        LocalDate date = QueryParams.date("asOf", asOf);
        progress.checkDate(code, date); // a bad programme or date is a 4xx before the stream opens
        // The stream ends when the token does: a client must come back with a valid one.
        Duration untilExpiry = Duration.ofSeconds(Math.max(0, token.getExpirationTime() - Instant.now().getEpochSecond()));
        String caller = token.getSubject();
        streams.open(caller);
        // Listen first, then send the current figures: a change landing in between is then sent
        // again rather than lost (the first document is computed after the subscription).
        Multi<Boolean> changed = changes.stream().group().intoLists().every(Duration.ofMillis(250))
                .filter(batch -> !batch.isEmpty()).map(batch -> Boolean.TRUE);
        return Multi.createBy().merging().streams(changed, Multi.createFrom().item(Boolean.TRUE))
                .select().first(untilExpiry)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> progress.progress(code, date))
                .onTermination().invoke(() -> streams.close(caller));
    }

    @GET
    @Path("/districts/{district}/communes")
    @Operation(summary = "A district's communes and their active clubs on a date (drill-down)",
            description = "Every commune in force in the district on the date, with the active clubs placed in it on the date "
                    + "(a club registered in a commune merged later counts in its successor from the merge) and their active, older and "
                    + "women members by the counting rules; a commune without a club is listed with none (coverage). A viewer sees "
                    + "no count of 1 to 4 people (null), as in registry's club summary. asOf as for progress.")
    @APIResponse(responseCode = "200", description = "The district's communes and clubs", content = @Content(schema = @Schema(implementation = CommunesDocument.class)))
    @APIResponse(responseCode = "404", description = "No such programme, or no such district on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommunesDocument communes(@Parameter(example = "TN-ISHC-2017-2020") @PathParam("code") String code,
                                     @Parameter(example = "164") @PathParam("district") String district,
                                     @Parameter(description = "Reporting date (YYYY-MM-DD)", example = "2019-06-30") @QueryParam("asOf") String asOf) {
        return progress.communes(code, district, QueryParams.date("asOf", asOf), caller.isViewerOnly());
    }

    @GET
    @Path("/communes")
    @Operation(summary = "All the province's communes and their active clubs on a date (drill-down, any level)",
            description = "Every commune of the province in force on the date — under its districts before 2025-07-01, directly "
                    + "under the province from then on — with the active clubs placed in it on the date (a club follows its "
                    + "commune's merges: registry's placements) and their active, older and women members. A club awaiting a "
                    + "successor commune is in none (see clubsAwaitingSuccessor in progress). district names the province here. "
                    + "A viewer sees no count of 1 to 4 people (null). asOf as for progress.")
    @APIResponse(responseCode = "200", description = "The province's communes and clubs", content = @Content(schema = @Schema(implementation = CommunesDocument.class)))
    @APIResponse(responseCode = "404", description = "No such programme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommunesDocument provinceCommunes(@Parameter(example = "TN-ISHC-2026-2030") @PathParam("code") String code,
                                             @Parameter(description = "Reporting date (YYYY-MM-DD)", example = "2026-06-30") @QueryParam("asOf") String asOf) {
        return progress.provinceCommunes(code, QueryParams.date("asOf", asOf), caller.isViewerOnly());
    }

    @GET
    @Path("/areas/{area}")
    @Operation(summary = "Progress of one area in force on a date, whatever its level",
            description = "One item of the progress document's areas: a district before 2025-07-01, a commune directly under the "
                    + "province from then on (decision 0013). asOf as for progress.")
    @APIResponse(responseCode = "200", description = "The area's figures against its targets", content = @Content(schema = @Schema(implementation = AreaProgressDocument.class)))
    @APIResponse(responseCode = "404", description = "No such programme, or no such area in force on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AreaProgressDocument area(@Parameter(example = "TN-ISHC-2026-2030") @PathParam("code") String code,
                                     @Parameter(example = "05443") @PathParam("area") String area,
                                     @Parameter(description = "Reporting date (YYYY-MM-DD)", example = "2026-06-30") @QueryParam("asOf") String asOf) {
        ProgressDocument document = progress.progress(code, QueryParams.date("asOf", asOf));
        return document.areas().stream().filter(a -> a.code().equals(area)).findFirst()
                .map(a -> new AreaProgressDocument(document.programme(), document.asOf(), a, document.freshness()))
                .orElseThrow(() -> ProblemException.notFound("progress.area.notFound", area, document.asOf().toString()));
    }

    @GET
    @Path("/districts/{district}")
    @Operation(summary = "Progress of one district on a date")
    @APIResponse(responseCode = "200", description = "The district's figures against its targets", content = @Content(schema = @Schema(implementation = DistrictProgress.class)))
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
