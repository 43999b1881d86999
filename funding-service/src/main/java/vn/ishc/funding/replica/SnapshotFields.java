package vn.ishc.funding.replica;

import vn.ishc.kit.events.UnreadableRecordException;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * How the replica reads the fields of registry's snapshots: a blank text is no value; a date that is
 * not one, or a value longer than its column holds, makes the event unreadable. Checked when read,
 * so that such an event is set aside on its own, as it was when events were applied one at a time,
 * even when a newer snapshot in the same batch would have replaced it before it was written.
 */
final class SnapshotFields {

    /** Unit codes (varchar(5) in the replica's tables). */
    static final int CODE = 5;
    /** A unit's level and a club's status (varchar(10)). */
    static final int WORD = 10;

    private SnapshotFields() {
    }

    /** The text, or null; unreadable when longer than {@code max} characters. */
    static String text(JsonNode node, String field, int max) {
        return fits(text(node), field, max);
    }

    static String fits(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new UnreadableRecordException(field + " longer than " + max + " characters");
        }
        return value;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    static LocalDate date(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new UnreadableRecordException("not a date: " + node.asText(), e);
        }
    }
}
