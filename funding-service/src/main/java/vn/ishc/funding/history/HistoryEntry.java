package vn.ishc.funding.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One line of a record's history: who changed what, and when. */
@Schema(name = "HistoryEntry", example = """
        {"at": "2026-11-29T02:10:00Z", "actor": "can-bo-164", "entity": "CONTRIBUTION", "entityId": "6a1f2c3d-4b5e-4f60-8a71-92b3c4d5e6f7",
         "action": "REVERSED", "changes": {"status": {"from": "RECORDED", "to": "REVERSED"}}}""")
public record HistoryEntry(Instant at, String actor, String entity, UUID entityId, String action, JsonNode changes) {
}
