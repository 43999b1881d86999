package vn.ishc.registry.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.registry.club.Club;
import vn.ishc.registry.club.ClubService;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.HistoryEntry;
import vn.ishc.kit.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/clubs/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clubs", description = "Câu lạc bộ Liên thế hệ tự giúp nhau: đăng ký, sửa, ngừng hoạt động, tóm tắt. Intergenerational Self-Help Clubs: register, change, close, summarise.")
public class HistoryResource {

    @Inject
    ClubService clubs;

    @Inject
    ChangeRecorder history;

    @GET
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.DISTRICT_OFFICER, Roles.AREA_OFFICER})
    @Operation(summary = "Who changed what and when, for a club and its members (lịch sử thay đổi)",
            description = "Oldest first. Holds personal data, so only a province-admin or an officer of the club's district may read it.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        Club club = clubs.get(id);
        clubs.requirePersonalDataReader(club);
        return history.historyOf(club.id);
    }
}
