package vn.ishc.registry.member;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.registry.club.Club;
import vn.ishc.registry.club.ClubService;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.Messages;
import vn.ishc.kit.problem.Problem;
import vn.ishc.kit.problem.QueryParams;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clubs/{clubId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Hội viên câu lạc bộ (dữ liệu cá nhân, chỉ trong địa bàn của cán bộ). Club members (personal data, only within the officer's district).")
public class MemberResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    MemberService members;

    @Inject
    ClubService clubs;

    @Inject
    Caller caller;

    @Inject
    VietnamClock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Add a member to a club (kết nạp hội viên)",
            description = "birthDate or birthYear is required (both must agree); joinedOn not before the club was established. "
                    + "A closed club takes no new members (409). When a person with the same name and birth date is already "
                    + "in another club of the district, the response carries a POSSIBLE_DUPLICATE warning.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Outside the caller's district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The club is closed, or has had 1,000 members already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("clubId") UUID clubId, @Valid @NotNull(message = "{field.required}") NewMember request,
                        @Context UriInfo uri, @Context HttpHeaders headers) {
        MemberService.Saved saved = members.add(clubId, request, Messages.localeOf(headers));
        return Response.created(uri.getAbsolutePathBuilder().path(saved.member().id.toString()).build())
                .tag(etag(saved.member()))
                .entity(MemberView.of(saved.member(), clock.today(), true, saved.warnings())).build();
    }

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "List a club's members",
            description = "Viewers see no personal data; district officers see the members of their own district only.")
    public Page<MemberView> list(@PathParam("clubId") UUID clubId,
                                 @Parameter(description = "ACTIVE or LEFT", example = "ACTIVE", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = MemberStatus.class)) @QueryParam("status") String status,
                                 @Parameter(example = "0") @QueryParam("page") String page,
                                 @Parameter(example = "50") @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        MemberStatus wanted = QueryParams.enumValue("status", status, MemberStatus.class);
        Club club = clubs.get(clubId);
        boolean personal = readerOf(club);
        Page<Member> found = members.list(club, wanted, paging);
        return new Page<>(found.items().stream().map(m -> MemberView.of(m, clock.today(), personal, List.of())).toList(),
                found.page(), found.size(), found.totalItems());
    }

    @GET
    @Path("/{memberId}")
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER}) // viewers get aggregates only (/api/v1/stats), never per-person rows
    @Operation(summary = "Read a member")
    @APIResponse(responseCode = "200", description = "The member", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such member in this club", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("clubId") UUID clubId, @PathParam("memberId") UUID memberId) {
        Club club = clubs.get(clubId);
        boolean personal = readerOf(club);
        Member member = members.get(club, memberId);
        return Response.ok(MemberView.of(member, clock.today(), personal, List.of())).tag(etag(member)).build();
    }

    @PATCH
    @Path("/{memberId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Change a member (JSON merge patch)",
            description = "Send the ETag you read in If-Match: 412 if the member changed since, 428 without it. "
                    + "Patchable: fullName, gender, birthDate, birthYear, householdStatus, householdStatusYear, ethnicMinority, phone, joinedOn.")
    @RequestBody(required = true, content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberPatch.class)),
            @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = MemberPatch.class),
            examples = @ExampleObject(name = "hộ thoát nghèo",
            value = "{\"householdStatus\": \"NONE\", \"householdStatusYear\": null}"))})
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "412", description = "Stale ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("clubId") UUID clubId, @PathParam("memberId") UUID memberId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body, @Context HttpHeaders headers) {
        MemberService.Saved saved = members.patch(clubId, memberId, ifMatch, body, Messages.localeOf(headers));
        return Response.ok(MemberView.of(saved.member(), clock.today(), true, saved.warnings())).tag(etag(saved.member())).build();
    }

    @POST
    @Path("/{memberId}/departure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Record that a member left the club (rời câu lạc bộ)")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "409", description = "The member already left", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response depart(@PathParam("clubId") UUID clubId, @PathParam("memberId") UUID memberId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull(message = "{field.required}") Departure departure) {
        Member member = members.depart(clubId, memberId, ifMatch, departure);
        return Response.ok(MemberView.of(member, clock.today(), true, List.of())).tag(etag(member)).build();
    }

    /** Viewers may read without personal data; district officers of other districts may not read at all. */
    private boolean readerOf(Club club) {
        if (caller.isViewerOnly()) {
            return false;
        }
        clubs.requirePersonalDataReader(club);
        return true;
    }

    static EntityTag etag(Member member) {
        return new EntityTag(Long.toString(member.version));
    }
}
