package vn.ishc.reporting.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class DocumentJsonTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final DocumentJson json = new DocumentJson(mapper);

    private static ProgressDocument document(long awaiting) {
        return new ProgressDocument(new ProgressDocument.ProgrammeRef("TN-ISHC-2017-2020", "Nhân rộng mô hình CLB Liên thế hệ tự giúp nhau",
                LocalDate.of(2017, 1, 1), LocalDate.of(2020, 12, 31)), LocalDate.of(2019, 6, 30), null, List.of(), List.of(), awaiting, null, null);
    }

    @Test
    void aKeptDocumentIsWrittenOnceAsTheMapperWritesIt() throws Exception {
        ProgressDocument document = document(3);
        json.keep(document);
        byte[] first = json.of(document);
        assertSame(first, json.of(document));
        assertEquals(mapper.writeValueAsString(document), new String(first, StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentNotKeptIsWrittenEachTime() {
        ProgressDocument held = document(3);
        json.keep(held);
        ProgressDocument equalButAnother = document(3);
        byte[] first = json.of(equalButAnother);
        byte[] second = json.of(equalButAnother);
        assertNotSame(first, second);
        assertArrayEquals(first, second);
        assertNotSame(json.of(held), first); // kept by identity, not by value
    }

    @Test
    void aReleasedDocumentIsNoLongerKept() {
        ProgressDocument replaced = document(3);
        ProgressDocument cleared = document(4);
        json.keep(replaced);
        json.keep(cleared);
        json.of(replaced);
        json.of(cleared);
        json.released(replaced);
        assertNotSame(json.of(replaced), json.of(replaced));
        json.releasedAll();
        assertNotSame(json.of(cleared), json.of(cleared));
    }
}
