package vn.ishc.kit.sql;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyRowsTest {

    private final List<byte[]> chunks = new ArrayList<>();
    private final CopyRows rows = new CopyRows(chunks::add);

    private String sent() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(all::writeBytes);
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rowsAreTabSeparatedLinesWithNullsDatesAndNumbersInCopysTextForm() throws SQLException {
        rows.row("19004", "members_active", LocalDate.of(2016, 3, 4), 5L, null).row("19", "received_vnd", LocalDate.of(1969, 12, 31), -250_000L, 7);
        rows.flush();
        assertEquals("19004\tmembers_active\t2016-03-04\t5\t\\N\n19\treceived_vnd\t1969-12-31\t-250000\t7\n", sent());
    }

    @Test
    void backslashesTabsAndLineBreaksInATextAreEscapedSoTheyStayInTheirField() throws SQLException {
        rows.row("a\\b", "c\td", "e\nf\rg", "Hội người cao tuổi").flush();
        assertEquals("a\\\\b\tc\\td\te\\nf\\rg\tHội người cao tuổi\n", sent());
    }

    @Test
    void manyRowsGoInChunksThatTogetherHoldEveryRowWhole() throws SQLException {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            rows.row("area-" + i, (long) i);
            expected.append("area-").append(i).append('\t').append(i).append('\n');
        }
        rows.flush();
        assertTrue(chunks.size() > 1, "sent as one chunk");
        chunks.forEach(chunk -> assertEquals('\n', chunk[chunk.length - 1], "a chunk ends inside a row"));
        assertEquals(expected.toString(), sent());
    }

    @Test
    void nothingIsSentForNoRows() throws SQLException {
        rows.flush();
        assertEquals(0, chunks.size());
    }
}
