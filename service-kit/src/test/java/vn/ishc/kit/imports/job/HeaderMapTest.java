package vn.ishc.kit.imports.job;

import org.junit.jupiter.api.Test;
import vn.ishc.kit.imports.table.TableFileException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A file's headers find their fields however people write them, and a file that cannot be mapped is refused whole. */
class HeaderMapTest {

    static final List<ImportColumn> COLUMNS = List.of(
            ImportColumn.required("communeCode", "Xã/phường/thị trấn", "05437", "", "Xã", "Mã xã"),
            ImportColumn.required("fullName", "Họ và tên", "Nguyễn Thị Lan", "", "Họ tên"),
            ImportColumn.optional("phone", "Số điện thoại", "0912 345 678", "", "SĐT"));

    @Test
    void headersMatchByTemplateNameApiNameOrAliasIgnoringCaseDiacriticsAndPunctuation() {
        HeaderMap map = HeaderMap.of(List.of("STT", "xa / phuong / thi tran", "HỌ TÊN", "", "sđt", "Ghi chú"), COLUMNS);
        assertEquals(1, map.position("communeCode"));
        assertEquals(2, map.position("fullName"));
        assertEquals(4, map.position("phone"));
        assertEquals(List.of("STT", "Ghi chú"), map.describe().get("ignored"));

        HeaderMap api = HeaderMap.of(List.of("fullName", "communeCode"), COLUMNS);
        assertEquals(0, api.position("fullName"));
        assertEquals(-1, api.position("phone"), "an optional column may be absent");
    }

    @Test
    void aMissingRequiredColumnOrTwoColumnsForOneFieldRefuseTheFile() {
        TableFileException missing = assertThrows(TableFileException.class, () -> HeaderMap.of(List.of("Họ và tên", "SĐT"), COLUMNS));
        assertEquals("import.columns.missing", missing.messageKey());
        assertArrayEquals(new Object[] {"Xã/phường/thị trấn"}, missing.args());

        TableFileException twice = assertThrows(TableFileException.class, () -> HeaderMap.of(List.of("Xã", "Họ và tên", "communeCode"), COLUMNS));
        assertEquals("import.columns.twice", twice.messageKey());
    }
}
