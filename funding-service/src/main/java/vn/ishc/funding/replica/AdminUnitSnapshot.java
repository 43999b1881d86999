package vn.ishc.funding.replica;

import vn.ishc.kit.events.IncomingEvent;
import vn.ishc.kit.events.UnreadableRecordException;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static vn.ishc.funding.replica.SnapshotFields.CODE;
import static vn.ishc.funding.replica.SnapshotFields.WORD;
import static vn.ishc.funding.replica.SnapshotFields.date;
import static vn.ishc.funding.replica.SnapshotFields.fits;
import static vn.ishc.funding.replica.SnapshotFields.text;

/** What funding keeps of an administrative unit: every period of its code, whatever the level (schema admin-unit-snapshot.v1). */
public record AdminUnitSnapshot(String code, List<Period> periods) {

    public record Period(String name, String fullName, String level, String parentCode, LocalDate validFrom, LocalDate validTo) {
    }

    /** Reads the event's unit; throws {@link UnreadableRecordException} for a period without a level or a value the replica cannot hold. */
    public static AdminUnitSnapshot read(IncomingEvent event) {
        String code = fits(event.aggregateId(), "unit code", CODE);
        List<Period> periods = new ArrayList<>();
        for (JsonNode period : event.data().path("periods")) {
            String level = period.path("level").asText("");
            if (level.isEmpty()) {
                throw new UnreadableRecordException("admin unit period without a level");
            }
            String fullName = period.path("fullName").asText(period.path("name").asText(code));
            periods.add(new Period(period.path("name").asText(fullName), fullName, fits(level, "level", WORD),
                    text(period.get("parentCode"), "parent code", CODE), date(period.get("validFrom")), date(period.get("validTo"))));
        }
        return new AdminUnitSnapshot(code, periods);
    }
}
