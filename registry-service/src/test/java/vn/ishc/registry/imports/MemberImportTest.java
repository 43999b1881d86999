package vn.ishc.registry.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.imports.Sheets;
import vn.ishc.testkit.stack.Tokens;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ishc.testkit.imports.ImportCalls.commit;

/**
 * A district officer brings their member workbook in: the dry run reports every error at once and
 * writes nothing; a commit writes the valid rows with one snapshot per club; the corrected file,
 * imported again, creates no duplicates.
 */
@QuarkusTest
class MemberImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String OFFICER = Tokens.districtOfficer("167");
    static final List<Object> HEADERS = List.of("Xã/phường/thị trấn", "Tên câu lạc bộ", "Ngày thành lập CLB", "Họ và tên", "Giới tính",
            "Ngày sinh", "Hoàn cảnh gia đình", "Năm công nhận hộ nghèo/cận nghèo", "Dân tộc thiểu số", "Số điện thoại", "Ngày tham gia");

    @Test
    void aWorkbookWithErrorsIsReportedWholeThenItsValidRowsAndTheCorrectedFileAreWrittenOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String clubA = "CLB nhập Chợ Chu " + tag;
        String clubB = "CLB nhập Linh Thông " + tag;
        String clubD = "CLB nhập Lam Vỹ " + tag;
        String hoaNfd = "  " + Normalizer.normalize("Lý Thị Hoa " + tag, Normalizer.Form.NFD) + " ";
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADERS);
        rows.add(row("Chợ Chu", clubA, LocalDate.of(2018, 3, 15), "Nguyễn Thị Lan " + tag, "Nữ", LocalDate.of(1955, 8, 20), "Cận nghèo", 2018, "Không", "0912 345 678", "01/04/2018"));
        rows.add(row("05536", clubA, null, "Hoàng Văn Tư " + tag, "Nam", 1950, "Nghèo", 2019, "Có", null, 43191));
        rows.add(row(null, null, null, null, null, null, null, null, null, null, null));
        rows.add(row("cho chu", clubA, "15/03/2018", hoaNfd, "nữ", "1948", "Khó khăn", null, "không", null, "2018-05-01"));
        rows.add(row("Chợ Chu", clubA, null, "Đinh Thị Sai " + tag, "X", "31/02/1950", "Giàu", null, "Có", "abc", "01/04/2018"));
        rows.add(row("Không Tồn Tại", clubD, null, "Mã Văn Bảy " + tag, "Nam", "1952", "Không", null, null, null, "01/04/2018"));
        rows.add(row("05452", "CLB huyện khác " + tag, "01/01/2019", "Trần Văn Tám " + tag, "Nam", "1950", "Không", null, null, null, "01/02/2019"));
        rows.add(row("05539", clubB, "01/06/2019", "Vi Thị Chín " + tag, "Nữ", "1951", "Không", null, null, null, "01/05/2019"));
        rows.add(row("Chợ Chu", clubA, null, "Nguyễn Thị Lan " + tag, "Nữ", LocalDate.of(1955, 8, 20), "Cận nghèo", 2018, "Không", null, "01/04/2018"));

        JsonPath dryRun = upload(OFFICER, "members", Sheets.workbook("Hội viên", rows), XLSX).then().statusCode(201).extract().jsonPath();
        assertEquals("READY", dryRun.getString("status"));
        assertEquals(8, dryRun.getInt("rows.read"), "the blank row is skipped");
        assertEquals(3, dryRun.getInt("rows.valid"));
        assertEquals(5, dryRun.getInt("rows.invalid"));
        assertEquals(Map.of("CREATE", 1), dryRun.getMap("plan.clubs"));
        assertEquals(Map.of("CREATE", 3), dryRun.getMap("plan.members"));
        List<Map<String, Object>> errors = dryRun.getList("errors");
        assertEquals(List.of("birthDate", "gender", "householdStatus", "phone"), fieldsOfRow(errors, 6), "every error of the row at once");
        assertEquals("31/02/1950", errors.stream().filter(e -> e.get("row").equals(6) && "birthDate".equals(e.get("field"))).findFirst().orElseThrow().get("value"));
        assertEquals(List.of("communeCode"), fieldsOfRow(errors, 7));
        assertEquals(List.of("communeCode"), fieldsOfRow(errors, 8));
        assertEquals(List.of("joinedOn"), fieldsOfRow(errors, 9));
        assertEquals(List.of("fullName"), fieldsOfRow(errors, 10));
        assertEquals(errors.size(), dryRun.getInt("errorCount"));
        String id = dryRun.getString("id");

        String vietnamese = given().auth().oauth2(OFFICER).header("Accept-Language", "vi").get("/api/v1/imports/" + id)
                .then().statusCode(200).extract().asString();
        assertTrue(vietnamese.contains("không thuộc Huyện Định Hóa"), vietnamese);
        assertTrue(vietnamese.contains("\"column\":\"Ngày tham gia\"") && vietnamese.contains("Không được trước ngày thành lập câu lạc bộ (01/06/2019)"), vietnamese);
        assertTrue(vietnamese.contains("Trùng người (họ tên và ngày/năm sinh) với dòng 2"), vietnamese);
        assertEquals(0, clubCount(clubA), "a dry run writes nothing");

        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("rows", "ALL")).post("/api/v1/imports/" + id + "/commit")
                .then().statusCode(409);
        JsonPath committed = commit(OFFICER, id, "VALID");
        assertEquals("COMMITTED", committed.getString("status"));
        assertEquals(3, committed.getInt("rows.written"));
        assertEquals(Map.of("CREATE", 1), committed.getMap("result.clubs"));
        assertEquals(Map.of("CREATE", 3), committed.getMap("result.members"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("rows", "VALID")).post("/api/v1/imports/" + id + "/commit")
                .then().statusCode(409);

        Map<String, Object> club = club(clubA);
        assertEquals("05536", club.get("communeCode"));
        assertEquals("2018-03-15", club.get("establishedOn"));
        assertEquals(1, club.get("version"), "one snapshot for the club and its three members");
        Map<String, Map<String, Object>> members = members((String) club.get("id"));
        assertEquals(3, members.size());
        Map<String, Object> lan = members.get("Nguyễn Thị Lan " + tag);
        assertEquals("FEMALE", lan.get("gender"));
        assertEquals("1955-08-20", lan.get("birthDate"));
        assertEquals("NEAR_POOR", lan.get("householdStatus"));
        assertEquals(2018, lan.get("householdStatusYear"));
        assertEquals(false, lan.get("ethnicMinority"));
        assertEquals("0912 345 678", lan.get("phone"));
        Map<String, Object> tu = members.get("Hoàng Văn Tư " + tag);
        assertEquals("MALE", tu.get("gender"));
        assertNull(tu.get("birthDate"));
        assertEquals(1950, tu.get("birthYear"));
        assertEquals("2018-04-01", tu.get("joinedOn"), "an Excel serial number as a date");
        assertEquals(true, tu.get("ethnicMinority"));
        Map<String, Object> hoa = members.get("Lý Thị Hoa " + tag);
        assertEquals("HARDSHIP", hoa.get("householdStatus"), "NFD and spaces in the name do not matter");
        assertEquals("2018-05-01", hoa.get("joinedOn"));

        // The corrected file: the bad rows fixed, the other district's row removed, one phone changed.
        List<List<Object>> corrected = new ArrayList<>();
        corrected.add(HEADERS);
        corrected.add(row("Chợ Chu", clubA, LocalDate.of(2018, 3, 15), "Nguyễn Thị Lan " + tag, "Nữ", LocalDate.of(1955, 8, 20), "Cận nghèo", 2018, "Không", "0912 000 111", "01/04/2018"));
        corrected.add(row("05536", clubA, null, "Hoàng Văn Tư " + tag, "Nam", 1950, "Nghèo", 2019, "Có", null, 43191));
        corrected.add(row("cho chu", clubA, "15/03/2018", "Lý Thị Hoa " + tag, "Nữ", "1948", "Khó khăn", null, "Không", null, "01/05/2018"));
        corrected.add(row("Chợ Chu", clubA, null, "Đinh Thị Sai " + tag, "Nữ", "28/02/1950", "Không", null, "Có", null, "01/04/2018"));
        corrected.add(row("Lam Vỹ", clubD, "01/09/2019", "Mã Văn Bảy " + tag, "Nam", "1952", "Không", null, null, null, "01/10/2019"));
        corrected.add(row("05539", clubB, "01/06/2019", "Vi Thị Chín " + tag, "Nữ", "1951", "Không", null, null, null, "01/07/2019"));
        byte[] file = Sheets.workbook("Hội viên", corrected);
        JsonPath second = upload(OFFICER, "members", file, XLSX).then().statusCode(201).extract().jsonPath();
        assertEquals(0, second.getInt("rows.invalid"), second.prettify());
        assertEquals(Map.of("CREATE", 2, "UNCHANGED", 1), second.getMap("plan.clubs"));
        assertEquals(Map.of("CREATE", 3, "UPDATE", 1, "UNCHANGED", 2), second.getMap("plan.members"));
        assertEquals(6, commit(OFFICER, second.getString("id"), "ALL").getInt("rows.written"));
        assertEquals(2, club(clubA).get("version"), "one more snapshot for the whole import of the club");
        assertEquals(4, members((String) club(clubA).get("id")).size());
        assertEquals("0912 000 111", members((String) club(clubA).get("id")).get("Nguyễn Thị Lan " + tag).get("phone"));

        JsonPath third = upload(OFFICER, "members", file, XLSX).then().statusCode(201).extract().jsonPath();
        assertEquals(Map.of("UNCHANGED", 3), third.getMap("plan.clubs"));
        assertEquals(Map.of("UNCHANGED", 6), third.getMap("plan.members"));
        JsonPath again = commit(OFFICER, third.getString("id"), "ALL");
        assertEquals(Map.of("UNCHANGED", 6), again.getMap("result.members"));
        assertEquals(2, club(clubA).get("version"), "nothing changed, no new snapshot");
        assertEquals(1, clubCount(clubB));
        assertEquals(1, clubCount(clubD));
    }

    static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    static Response upload(String token, String kind, byte[] file, String type) {
        return given().auth().oauth2(token).contentType(type).queryParam("kind", kind).queryParam("fileName", "danh-sach." + (type.equals(XLSX) ? "xlsx" : "csv"))
                .body(file).post("/api/v1/imports");
    }

    static List<String> fieldsOfRow(List<Map<String, Object>> errors, int row) {
        return errors.stream().filter(e -> e.get("row").equals(row)).map(e -> (String) e.get("field")).sorted().collect(Collectors.toList());
    }

    static int clubCount(String name) {
        return given().auth().oauth2(Tokens.provinceAdmin()).queryParam("q", name).get("/api/v1/clubs").then().statusCode(200)
                .extract().path("totalItems");
    }

    static Map<String, Object> club(String name) {
        List<Map<String, Object>> items = given().auth().oauth2(Tokens.provinceAdmin()).queryParam("q", name).get("/api/v1/clubs")
                .then().statusCode(200).extract().path("items");
        assertEquals(1, items.size(), name);
        return items.get(0);
    }

    static Map<String, Map<String, Object>> members(String clubId) {
        List<Map<String, Object>> items = given().auth().oauth2(Tokens.provinceAdmin()).queryParam("size", 500)
                .get("/api/v1/clubs/" + clubId + "/members").then().statusCode(200).extract().path("items");
        return items.stream().collect(Collectors.toMap(m -> (String) m.get("fullName"), m -> m));
    }
}
