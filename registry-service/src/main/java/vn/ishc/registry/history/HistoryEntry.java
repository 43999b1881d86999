package vn.ishc.registry.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One line of a club's history: who changed what, and when. */
@Schema(name = "HistoryEntry", example = """
        {"at": "2026-11-29T02:10:00Z", "actor": "can-bo-164", "entity": "CLUB", "entityId": "4ce78d5b-c381-4ef3-a1a9-08d9936622b1",
         "action": "UPDATED", "changes": {"hamlet": {"from": "Tổ 5", "to": "Tổ 7"}}}""")
public record HistoryEntry(Instant at, String actor, String entity, UUID entityId, String action, JsonNode changes) {
}
