package vn.ishc.kit.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For operators: apply the events set aside on the dead-letter topic again, once their cause is fixed. */
@Path("/api/v1/admin/dead-letters/redrive")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dành cho vận hành: sự kiện bị giữ lại và thư chết, gửi lại sau khi sửa lỗi. For operators: parked outbox events and dead letters, re-driven after a fix.")
@RolesAllowed(vn.ishc.kit.security.Roles.PROVINCE_ADMIN)
public class DeadLetterResource {

    @Inject
    DeadLetterRedrive redrive;

    @POST
    @Operation(summary = "Re-drive the dead-letter topic",
            description = "Every dead letter not re-driven before is applied again; one that still fails goes back with its reason.")
    public DeadLetterRedrive.Outcome redrive() throws Exception {
        return redrive.redrive();
    }
}
