package vn.ishc.registry.club;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.QueryParams;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.security.Roles;

import java.util.UUID;

@Path("/api/v1/clubs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clubs", description = "Câu lạc bộ Liên thế hệ tự giúp nhau: đăng ký, sửa, ngừng hoạt động, tóm tắt. Intergenerational Self-Help Clubs: register, change, close, summarise.")
public class ClubResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ClubService clubs;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Register a club (đăng ký câu lạc bộ)",
            description = "A province-admin anywhere, a district-officer only in the district of its token. "
                    + "The commune must exist on establishedOn; the date must not be in the future.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ClubView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Outside the caller's district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An active club of that name exists in the commune", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull(message = "{field.required}") NewClub request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Club club = clubs.register(request);
        return Response.created(uri.getAbsolutePathBuilder().path(club.id.toString()).build())
                .tag(etag(club)).entity(ClubView.of(club)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Read a club")
    @APIResponse(responseCode = "200", description = "The club", content = @Content(schema = @Schema(implementation = ClubView.class)))
    @APIResponse(responseCode = "404", description = "No such club", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Club club = clubs.get(id);
        return Response.ok(ClubView.of(club)).tag(etag(club)).build();
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "List clubs",
            description = "Filters combine. q matches the name ignoring case and Vietnamese diacritics: \"tuc duyen\" finds \"Túc Duyên\". "
                    + "Ordered by name, then id, so pages are stable.")
    public Page<ClubView> list(
            @Parameter(description = "District code", example = "164") @QueryParam("districtCode") String districtCode,
            @Parameter(description = "Commune code", example = "05437") @QueryParam("communeCode") String communeCode,
            @Parameter(description = "ACTIVE or CLOSED", example = "ACTIVE", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ClubStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Search in the name", example = "tuc duyen") @QueryParam("q") String q,
            @Parameter(description = "true: only clubs awaiting the choice of a successor commune", example = "true",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN))
            @QueryParam("awaitingSuccessor") String awaitingSuccessor,
            @Parameter(example = "0") @QueryParam("page") String page,
            @Parameter(example = "50") @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        Page<Club> found = clubs.list(districtCode, communeCode, QueryParams.enumValue("status", status, ClubStatus.class), q,
                QueryParams.bool("awaitingSuccessor", awaitingSuccessor), paging);
        return new Page<>(found.items().stream().map(ClubView::of).toList(), found.page(), found.size(), found.totalItems());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Change a club (JSON merge patch)",
            description = "Send the ETag you read in If-Match: 412 if the club changed since, 428 without it. "
                    + "Patchable: name, hamlet, establishedOn. The commune a club was registered in never changes.")
    @RequestBody(required = true, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClubPatch.class)),
            @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ClubPatch.class),
            examples = @ExampleObject(name = "đổi tên",
            value = "{\"name\": \"CLB Liên thế hệ tự giúp nhau Tổ 5 Túc Duyên\", \"hamlet\": \"Tổ 5\"}"))})
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ClubView.class)))
    @APIResponse(responseCode = "412", description = "Stale ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        Club club = clubs.patch(id, ifMatch, body);
        return Response.ok(ClubView.of(club)).tag(etag(club)).build();
    }

    @POST
    @Path("/{id}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Close a club (ngừng hoạt động)", description = "A closed club takes no new members. If-Match is honoured when sent.")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = ClubView.class)))
    @APIResponse(responseCode = "409", description = "Already closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull(message = "{field.required}") Closure closure) {
        Club club = clubs.close(id, ifMatch, closure);
        return Response.ok(ClubView.of(club)).tag(etag(club)).build();
    }

    @POST
    @Path("/{id}/successor")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Choose the successor commune of a club whose commune was split",
            description = "A club registered in a commune that the 2025 reform split between two new communes (05461 Gia Sàng, "
                    + "05467 Cam Giá, 05932 Thượng Đình) awaits this choice and counts at province level until then. "
                    + "Province admins, the officers of the club's district and the area officers of a candidate commune may choose; "
                    + "choosing again corrects the choice. If-Match is honoured when sent.")
    @APIResponse(responseCode = "200", description = "Chosen: the club with its new placements",
            content = @Content(schema = @Schema(implementation = ClubView.class)))
    @APIResponse(responseCode = "409", description = "The club's commune was not split", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response chooseSuccessor(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Valid @NotNull(message = "{field.required}") SuccessorChoice choice) {
        Club club = clubs.chooseSuccessor(id, ifMatch, choice.communeCode());
        return Response.ok(ClubView.of(club)).tag(etag(club)).build();
    }

    @GET
    @Path("/{id}/summary")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER, Roles.VIEWER})
    @Operation(summary = "Today's membership of a club against the norms (50–70 members; 60–70% women; 60–70% older people)",
            description = "Those who may not see the club's members (viewers, officers of other districts) get counts of 1 to 4 "
                    + "people, and the shares built on them, as null: in a small club they would point at persons.")
    public ClubSummary summary(@PathParam("id") UUID id) {
        Club club = clubs.get(id);
        ClubSummary summary = clubs.summary(club);
        return caller.mayActOn(clubs.placeOf(club)) ? summary : summary.withSmallCellsSuppressed();
    }

    static EntityTag etag(Club club) {
        return new EntityTag(Long.toString(club.version));
    }
}
