package vn.ishc.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** For operators: the outbox rows Kafka refused for good, and sending them again once the cause is fixed. */
@Path("/api/v1/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Dành cho vận hành: sự kiện bị giữ lại và thư chết, gửi lại sau khi sửa lỗi. For operators: parked outbox events and dead letters, re-driven after a fix.")
@RolesAllowed(vn.ishc.kit.security.Roles.PROVINCE_ADMIN)
public class ParkedEventsResource {

    @Inject
    OutboxRelay relay;

    /** A parked row without its payload (which may carry personal data). */
    public record ParkedEvent(UUID eventId, String topic, String recordKey, Instant createdAt, Instant parkedAt, String reason) {
    }

    /** How many rows went back to the queue. */
    public record Redriven(long events) {
    }

    @GET
    @Operation(summary = "List the events Kafka refused for good (parked)")
    public List<ParkedEvent> list() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("parkedAt is not null order by id").stream()
                .map(e -> new ParkedEvent(e.eventId, e.topic, e.recordKey, e.createdAt, e.parkedAt, e.parkReason)).toList());
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Queue every parked event again, in its original order",
            description = "Use after fixing the cause (a topic's size limit, say); events Kafka still refuses are parked again.")
    public Redriven redrive() {
        long count = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.update("parkedAt = null, parkReason = null where parkedAt is not null"));
        relay.tick();
        return new Redriven(count);
    }
}
