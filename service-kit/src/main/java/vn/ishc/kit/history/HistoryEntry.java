package vn.ishc.kit.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One line of a record's history: who changed what, and when. */
@Schema(name = "HistoryEntry", example = """
        {"at": "2026-11-29T02:10:00Z", "actor": "can-bo-164", "entity": "CLUB", "entityId": "4ce78d5b-c381-4ef3-a1a9-08d9936622b1",
         "action": "UPDATED", "changes": {"name": {"from": "CLB Tổ 5", "to": "CLB Hoa Sen"}}}""")
public record HistoryEntry(
        @Schema(required = true, description = "When the change was made") Instant at,
        @Schema(required = true, description = "The token subject of who made it") String actor,
        @Schema(required = true, description = "The kind of record changed") String entity,
        @Schema(required = true) UUID entityId,
        @Schema(required = true, description = "What was done") String action,
        @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, implementation = Object.class, description = "Each changed field with its value before (from) and after (to)") JsonNode changes) {
}
