package vn.ishc.registry.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The club and member lists leave as files a district officer opens in Excel, under the API's personal-data rules. */
@QuarkusTest
class ListExportTest {

    static final String DISTRICT = "170";
    static final String OFFICER = Tokens.districtOfficer(DISTRICT);

    @Test
    void membersLeaveAsCsvAndWorkbookWithTheirValuesAndViewersGetNoPersonalData() throws Exception {
        String club = club("CLB xuất danh sách " + UUID.randomUUID().toString().substring(0, 6));
        member(club, "Hoàng Thị Mai, \"Bà Mai\"", "FEMALE", "1950-03-08", null, "POOR", 2019);
        member(club, "Lò Văn Páo", "MALE", null, 1985, "NONE", null);

        byte[] csv = given().auth().oauth2(OFFICER).queryParam("clubId", club).get("/api/v1/exports/members.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).header("Content-Disposition", containsString("hoi-vien-" + DISTRICT))
                .extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0], "UTF-8 with BOM, so Excel shows the diacritics");
        List<List<String>> rows = parseCsv(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertEquals(ListExports.MEMBER_HEADERS, rows.get(0));
        assertEquals(3, rows.size());
        Map<String, String> mai = byHeader(rows.get(0), rows.stream().filter(r -> r.contains("Hoàng Thị Mai, \"Bà Mai\"")).findFirst().orElseThrow());
        assertEquals("Nữ", mai.get("Giới tính"));
        assertEquals("08/03/1950", mai.get("Ngày sinh"));
        assertEquals("1950", mai.get("Năm sinh"));
        assertEquals("Có", mai.get("Người cao tuổi"));
        assertEquals("Nghèo", mai.get("Hoàn cảnh gia đình"));
        assertEquals("2019", mai.get("Năm xác nhận hộ"));
        assertEquals("01/04/2018", mai.get("Ngày tham gia"));
        Map<String, String> pao = byHeader(rows.get(0), rows.stream().filter(r -> r.contains("Lò Văn Páo")).findFirst().orElseThrow());
        assertEquals("", pao.get("Ngày sinh"));
        assertEquals("1985", pao.get("Năm sinh"));
        assertEquals("Không", pao.get("Người cao tuổi"));

        byte[] xlsx = given().auth().oauth2(Tokens.provinceAdmin()).queryParam("clubId", club).get("/api/v1/exports/members.xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Hội viên");
            assertEquals(2, sheet.getLastRowNum());
            int name = ListExports.MEMBER_HEADERS.indexOf("Họ và tên");
            int birth = ListExports.MEMBER_HEADERS.indexOf("Ngày sinh");
            boolean found = false;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(name).getStringCellValue().startsWith("Hoàng Thị Mai")) {
                    assertEquals(LocalDate.of(1950, 3, 8), row.getCell(birth).getLocalDateTimeCellValue().toLocalDate(), "a date cell");
                    found = true;
                }
            }
            assertTrue(found);
        }

        String viewer = new String(given().auth().oauth2(Tokens.viewer()).queryParam("clubId", club).get("/api/v1/exports/members.csv")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertFalse(viewer.contains("Hoàng Thị Mai") || viewer.contains("08/03/1950") || viewer.contains("Họ và tên"), viewer);
        assertTrue(viewer.contains("Nghèo") && viewer.contains("Nữ"), "de-identified rows stay");
    }

    @Test
    void officersExportTheirOwnDistrictOnlyAndBadFiltersAreRefused() {
        given().auth().oauth2(OFFICER).queryParam("districtCode", "164").get("/api/v1/exports/members.csv").then().statusCode(403)
                .body("detail", containsString("164"));
        given().auth().oauth2(OFFICER).get("/api/v1/exports/members.pdf").then().statusCode(404);
        given().auth().oauth2(OFFICER).queryParam("status", "GONE").get("/api/v1/exports/members.csv").then().statusCode(400);
        given().auth().oauth2(OFFICER).queryParam("clubId", "not-an-id").get("/api/v1/exports/members.csv").then().statusCode(400);
        given().auth().oauth2(OFFICER).queryParam("districtCode", "1'64").get("/api/v1/exports/clubs.xlsx").then().statusCode(400);
        given().get("/api/v1/exports/clubs.csv").then().statusCode(401);
        // without a district filter, an officer's member export is their own district's
        String all = new String(given().auth().oauth2(Tokens.districtOfficer("171")).get("/api/v1/exports/members.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertFalse(all.contains("," + DISTRICT + ","), "no member of another district");
    }

    @Test
    void clubsLeaveWithTheirCommuneAndDistrictNamesAndTheListFilters() {
        String name = "CLB lọc danh sách " + UUID.randomUUID().toString().substring(0, 6);
        club(name);
        String csv = new String(given().auth().oauth2(Tokens.viewer()).queryParam("districtCode", DISTRICT).queryParam("q", "loc danh sach")
                .get("/api/v1/exports/clubs.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csv.substring(1));
        assertEquals(ListExports.CLUB_HEADERS, rows.get(0));
        Map<String, String> row = byHeader(rows.get(0), rows.stream().filter(r -> r.contains(name)).findFirst().orElseThrow());
        assertEquals(DISTRICT, row.get("Mã huyện"));
        assertEquals("Huyện Võ Nhai", row.get("Huyện, thành phố"));
        assertEquals("15/03/2018", row.get("Ngày thành lập"));
        assertEquals("Đang hoạt động", row.get("Trạng thái"));
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(1).toLowerCase().contains("lọc danh sách")), "the q filter applies");
    }

    private static String club(String name) {
        String commune = given().auth().oauth2(OFFICER).queryParam("level", "COMMUNE").queryParam("parentCode", DISTRICT).queryParam("asOf", "2019-01-01")
                .get("/api/v1/admin-units").then().statusCode(200).extract().path("[0].code");
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("name", name, "communeCode", commune, "establishedOn", "2018-03-15"))
                .post("/api/v1/clubs").then().statusCode(201).extract().path("id");
    }

    private static void member(String club, String name, String gender, String birthDate, Integer birthYear, String household, Integer year) {
        Map<String, Object> body = new HashMap<>(Map.of("fullName", name, "gender", gender, "householdStatus", household, "joinedOn", "2018-04-01"));
        if (birthDate != null) {
            body.put("birthDate", birthDate);
        } else {
            body.put("birthYear", birthYear);
        }
        if (year != null) {
            body.put("householdStatusYear", year);
        }
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body).post("/api/v1/clubs/" + club + "/members").then().statusCode(201);
    }

    private static Map<String, String> byHeader(List<String> headers, List<String> row) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            values.put(headers.get(i), row.get(i));
        }
        return values;
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
