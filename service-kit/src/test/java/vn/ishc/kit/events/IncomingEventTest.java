package vn.ishc.kit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncomingEventTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String COMPLETE = """
            {"eventId": "6a1f2c3d-4b5e-4f60-8a71-92b3c4d5e6f7", "type": "ClubSnapshot", "occurredAt": "2026-11-29T02:10:00Z",
             "aggregateId": "c1", "aggregateVersion": 3, "schemaVersion": 1, "data": {"a": 1}, "addedLater": true}""";

    @Test
    void aCompleteEnvelopeIsReadAndUnknownFieldsAreIgnored() {
        IncomingEvent event = IncomingEvent.read(JSON, COMPLETE);
        assertEquals("ClubSnapshot", event.type());
        assertEquals(3L, event.aggregateVersion());
    }

    @Test
    void emptyGarbledOrIncompleteRecordsAreUnreadable() {
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, null));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, "{not json"));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, "null"));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, COMPLETE.replace("\"aggregateVersion\": 3,", "")));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, COMPLETE.replace("{\"a\": 1}", "[1]")));
    }

    record Counted(int a) {
    }

    @Test
    void theDataIsReadStraightIntoItsTypeWithTheEnvelope() {
        IncomingEvent.Typed<Counted> read = IncomingEvent.read(JSON, COMPLETE, Counted.class);
        assertEquals(new Counted(1), read.data());
        assertEquals("c1", read.event().aggregateId());
        assertEquals(3L, read.event().aggregateVersion());
        assertTrue(read.event().data().isMissingNode());
    }

    @Test
    void recordsUnreadableAsEnvelopesOrAsTheirTypeAreUnreadable() {
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, null, Counted.class));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, "{not json", Counted.class));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, "null", Counted.class));
        assertThrows(UnreadableRecordException.class,
                () -> IncomingEvent.read(JSON, COMPLETE.replace("\"aggregateVersion\": 3,", ""), Counted.class));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, COMPLETE.replace("{\"a\": 1}", "[1]"), Counted.class));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, COMPLETE.replace("{\"a\": 1}", "null"), Counted.class));
        assertThrows(UnreadableRecordException.class, () -> IncomingEvent.read(JSON, COMPLETE.replace("{\"a\": 1}", "{\"a\": \"x\"}"), Counted.class));
    }
}
