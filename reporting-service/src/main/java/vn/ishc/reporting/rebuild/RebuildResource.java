package vn.ishc.reporting.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ishc.kit.security.Roles;

import java.util.Map;

@Path("/api/v1/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Dựng lại dữ liệu báo cáo từ các topic. Rebuilding reporting's projections from the topics.")
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    /** What was started: the rebuild generation, and the partitions each source channel rewound on this replica. */
    public record Started(String status, long generation, Map<String, Integer> partitionsRewoundHere) {
    }

    @POST
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(summary = "Rebuild every projection by replaying the topics from the beginning (province-admin)",
            description = "Answers at once; the replay runs in the background and the figures fill up again within seconds to "
                    + "minutes. Check GET /api/v1/reconciliation for MATCH afterwards. Safe with any number of replicas: the "
                    + "others rewind the partitions they own within a second.")
    public Started start() {
        Rebuild.Started started = rebuild.run();
        return new Started("REPLAYING", started.generation(), started.partitionsRewoundHere());
    }
}
