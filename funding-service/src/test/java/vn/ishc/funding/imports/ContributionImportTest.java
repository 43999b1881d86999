package vn.ishc.funding.imports;

import vn.ishc.testkit.imports.Sheets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.kafka.TopicReader;
import vn.ishc.testkit.stack.Tokens;

import java.io.ByteArrayInputStream;
import java.time.Duration;
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
import static vn.ishc.testkit.imports.ImportCalls.follow;

/**
 * A district brings its contribution book in: the dry run reports every error at once and writes
 * nothing; a commit records the valid rows, each with its event, registering the donors they name;
 * the corrected file, imported again, records nothing twice.
 */
@QuarkusTest
class ContributionImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String OFFICER = Tokens.districtOfficer("164");
    static final String ADMIN = Tokens.provinceAdmin();
    static final List<Object> HEADERS = List.of("Tên nhà tài trợ", "Loại nhà tài trợ", "Điện thoại nhà tài trợ", "Hình thức", "Số tiền (đồng)",
            "Cách tính giá trị", "Ngày nhận", "Huyện", "Mã câu lạc bộ", "Mục đích", "Số biên lai", "Mã dòng");

    @BeforeEach
    void districts() {
        Registry.districtsKnown();
    }

    @Test
    void aWorkbookWithErrorsIsReportedWholeThenItsValidRowsAndTheCorrectedFileAreRecordedOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String company = "Công ty Gang thép " + tag;
        String person = "Nguyễn Văn Bình " + tag;
        String bank = "Ngân hàng Chính sách " + tag;
        String women = "Hội Phụ nữ huyện " + tag;
        String other = "Công ty May " + tag;
        String pt = "PT-" + tag + "-";
        List<List<Object>> rows = new ArrayList<>();
        rows.add(HEADERS);
        rows.add(row(company, "Doanh nghiệp", "0208 3855 123", "Tiền mặt", "15.000.000", null, "20/05/2019", "164", null, "Quỹ tín dụng quay vòng", pt + 1, null));
        rows.add(row("  CÔNG TY GANG THEP " + tag + " ", "BUSINESS", null, "hiện vật", 4_500_000, "10 bao gạo, giá thị trường", LocalDate.of(2019, 6, 1), "Huyện 164", null, null, pt + 2, null));
        rows.add(row(person, "Cá nhân", null, "Ngày công", "2.500.000 đ", "10 ngày công × 250.000 đồng", "2019-07-01", null, null, null, null, "DONG-" + tag + "-1"));
        rows.add(row(null, "Ngân hàng", null, "Tiền mặt", "1.5", null, "31/02/2019", "164", null, null, pt + 5, null));
        rows.add(row(company, "Doanh nghiệp", null, "Hiện vật", "3.000.000", null, "01/01/2099", "164", null, null, pt + 6, null));
        rows.add(row(women, "Đoàn thể", null, "Tiền mặt", "1.000.000", null, "15/08/2019", "164", null, null, pt + 1, null));
        rows.add(row(other, "Doanh nghiệp", null, "Tiền mặt", "2.000.000", null, "15/08/2019", "165", null, null, pt + 8, null));
        rows.add(row(other, "Doanh nghiệp", null, "Tiền mặt", "2.000.000", null, "15/08/2019", "164", null, null, null, null));
        rows.add(row(company, "Doanh nghiệp", null, "Tiền mặt", "1.000.000", null, "15/08/2019", null, "CLB Tổ 7", null, pt + 10, null));

        JsonPath dryRun = upload(OFFICER, Sheets.workbook("Đóng góp", rows), XLSX);
        assertEquals("READY", dryRun.getString("status"));
        assertEquals(9, dryRun.getInt("rows.read"));
        assertEquals(3, dryRun.getInt("rows.valid"));
        assertEquals(6, dryRun.getInt("rows.invalid"));
        assertEquals(Map.of("CREATE", 3), dryRun.getMap("plan.contributions"));
        assertEquals(Map.of("CREATE", 2), dryRun.getMap("plan.donors"), "the company once, whatever the case and diacritics");
        List<Map<String, Object>> errors = dryRun.getList("errors");
        assertEquals(List.of("amountVnd", "donorName", "donorType", "receivedOn"), fieldsOfRow(errors, 5), "every error of the row at once");
        assertEquals("31/02/2019", valueOf(errors, 5, "receivedOn"));
        assertEquals("1.5", valueOf(errors, 5, "amountVnd"));
        assertEquals(List.of("receivedOn", "valuationNote"), fieldsOfRow(errors, 6));
        assertEquals(List.of("receiptNo"), fieldsOfRow(errors, 7), "the same receipt as row 2");
        assertEquals(List.of("districtCode"), fieldsOfRow(errors, 8), "another district's row");
        assertEquals(List.of("receiptNo"), fieldsOfRow(errors, 9), "neither receipt nor row key");
        assertEquals(List.of("clubId"), fieldsOfRow(errors, 10));
        assertEquals(errors.size(), dryRun.getInt("errorCount"));
        String id = dryRun.getString("id");

        String vietnamese = given().auth().oauth2(OFFICER).header("Accept-Language", "vi").get("/api/v1/imports/" + id)
                .then().statusCode(200).extract().asString();
        assertTrue(vietnamese.contains("Trùng số biên lai với dòng 2"), vietnamese);
        assertTrue(vietnamese.contains("Dòng này thuộc Huyện 165 (165): cán bộ của Huyện 164 (164) chỉ được nhập"), vietnamese);
        assertTrue(vietnamese.contains("\"column\":\"Ngày nhận\"") && vietnamese.contains("Không được là ngày trong tương lai"), vietnamese);
        assertTrue(vietnamese.contains("Ghi rõ cách quy đổi giá trị hiện vật"), vietnamese);
        assertTrue(vietnamese.contains("Hãy ghi Số biên lai hoặc Mã dòng"), vietnamese);
        assertEquals(0, donors(ADMIN, tag).size(), "a dry run writes nothing");

        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("rows", "ALL")).post("/api/v1/imports/" + id + "/commit")
                .then().statusCode(409);
        JsonPath committed = commit(OFFICER, id, "VALID");
        assertEquals("COMMITTED", committed.getString("status"));
        assertEquals(3, committed.getInt("rows.written"));
        assertEquals(Map.of("CREATE", 3), committed.getMap("result.contributions"));
        assertEquals(Map.of("CREATE", 2), committed.getMap("result.donors"));

        Map<String, Object> companyDonor = onlyDonor(company);
        assertEquals("BUSINESS", companyDonor.get("type"));
        assertEquals("0208 3855 123", companyDonor.get("phone"));
        assertEquals("164", companyDonor.get("districtCode"));
        List<Map<String, Object>> gifts = contributionsOf((String) companyDonor.get("id"));
        assertEquals(2, gifts.size());
        assertEquals(15_000_000, gifts.get(0).get("amountVnd"));
        assertEquals("CASH", gifts.get(0).get("form"));
        assertEquals("2019-05-20", gifts.get(0).get("receivedOn"));
        assertEquals("164", gifts.get(0).get("districtCode"));
        assertEquals(pt + 1, gifts.get(0).get("receiptNo"));
        assertEquals("Quỹ tín dụng quay vòng", gifts.get(0).get("purpose"));
        assertEquals(4_500_000, gifts.get(1).get("amountVnd"), "a number cell");
        assertEquals("IN_KIND", gifts.get(1).get("form"));
        assertEquals("2019-06-01", gifts.get(1).get("receivedOn"), "an Excel date cell");
        assertEquals("10 bao gạo, giá thị trường", gifts.get(1).get("valuationNote"));
        Map<String, Object> personDonor = onlyDonor(person);
        assertEquals("INDIVIDUAL", personDonor.get("type"));
        List<Map<String, Object>> labour = contributionsOf((String) personDonor.get("id"));
        assertEquals(1, labour.size());
        assertEquals("LABOUR", labour.get(0).get("form"));
        assertEquals(2_500_000, labour.get(0).get("amountVnd"));
        assertEquals("2019-07-01", labour.get(0).get("receivedOn"));
        assertEquals("164", labour.get(0).get("districtCode"), "an officer's blank district is their own");
        assertNull(labour.get(0).get("receiptNo"));
        List<String> recorded = List.of((String) gifts.get(0).get("id"), (String) gifts.get(1).get("id"), (String) labour.get(0).get("id"));

        // The corrected file: the bad rows fixed, the other district's row left out; the three recorded rows as they were.
        List<List<Object>> corrected = new ArrayList<>();
        corrected.add(HEADERS);
        corrected.addAll(rows.subList(1, 4));
        corrected.add(row(bank, "Tổ chức", null, "Tiền mặt", "1.500.000", null, "28/02/2019", "164", null, null, pt + 5, null));
        corrected.add(row(company, "Doanh nghiệp", null, "Hiện vật", "3.000.000", "60 bao xi măng × 50.000 đồng", "01/09/2019", "164", null, null, pt + 6, null));
        corrected.add(row(women, "Đoàn thể", null, "Tiền mặt", "1.000.000", null, "15/08/2019", "164", null, null, pt + 7, null));
        corrected.add(row(other, "Doanh nghiệp", null, "Tiền mặt", "2.000.000", null, "15/08/2019", "164", null, null, null, "DONG-" + tag + "-9"));
        corrected.add(row(company, "Doanh nghiệp", null, "Tiền mặt", "1.000.000", null, "15/08/2019", null, null, null, pt + 10, null));
        byte[] file = Sheets.workbook("Đóng góp", corrected);
        JsonPath second = upload(OFFICER, file, XLSX);
        assertEquals(0, second.getInt("rows.invalid"), second.prettify());
        assertEquals(Map.of("CREATE", 5, "UNCHANGED", 3), second.getMap("plan.contributions"));
        assertEquals(Map.of("CREATE", 3, "UNCHANGED", 2), second.getMap("plan.donors"));
        JsonPath secondCommit = commit(OFFICER, second.getString("id"), "ALL");
        assertEquals(8, secondCommit.getInt("rows.written"));
        assertEquals(Map.of("CREATE", 5, "UNCHANGED", 3), secondCommit.getMap("result.contributions"));
        assertEquals(4, contributionsOf((String) onlyDonor(company).get("id")).size(), "no duplicate donor, no duplicate contribution");

        JsonPath third = upload(OFFICER, file, XLSX);
        assertEquals(Map.of("UNCHANGED", 8), third.getMap("plan.contributions"));
        assertEquals(Map.of("UNCHANGED", 8), commit(OFFICER, third.getString("id"), "ALL").getMap("result.contributions"));
        assertEquals(4, contributionsOf((String) onlyDonor(company).get("id")).size());
        assertEquals(5, donors(ADMIN, tag).size(), "the company, the person, the bank, the women's union and the other company");

        // Each contribution the import recorded went out once, as one recorded through the API does.
        List<ConsumerRecord<String, String>> events = TopicReader.readUntil("funding.contributions.v1",
                read -> recorded.stream().allMatch(c -> read.stream().anyMatch(r -> c.equals(r.key()))), Duration.ofSeconds(30));
        for (String contribution : recorded) {
            assertEquals(1, events.stream().filter(r -> contribution.equals(r.key())).count(), contribution);
        }

        // A recorded receipt with other values is an error of the row: contributions are reversed, never changed in place.
        List<List<Object>> changed = List.of(HEADERS,
                row(company, "Doanh nghiệp", null, "Tiền mặt", "16.000.000", null, "20/05/2019", "164", null, "Quỹ tín dụng quay vòng", pt + 1, null));
        JsonPath refused = upload(OFFICER, Sheets.workbook("Đóng góp", changed), XLSX);
        assertEquals(1, refused.getInt("rows.invalid"));
        String text = given().auth().oauth2(OFFICER).header("Accept-Language", "vi").get("/api/v1/imports/" + refused.getString("id") + "/errors")
                .then().statusCode(200).extract().asString();
        assertTrue(text.contains("Số biên lai " + pt + "1 đã được ghi nhận trong huyện với nội dung khác (nhận ngày 20/05/2019, 15.000.000 đồng)"), text);
    }

    @Test
    void aCsvWithApiFieldNamesAndSemicolonsIsRecordedByTheProvinceInAnyDistrictAndAtProvinceLevel() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String business = "Doanh nghiệp CSV " + tag;
        String department = "Sở Lao động " + tag;
        byte[] csv = Sheets.csv(true, ";", List.of(
                row("donorName", "donorType", "form", "amountVnd", "valuationNote", "receivedOn", "districtCode", "receiptNo", "rowKey"),
                row(business, "BUSINESS", "CASH", "7.000.000", null, "20/05/2019", "165", "CSV-" + tag + "-1", null),
                row(business, "doanh nghiep", "IN_KIND", "1200000", "5 bao xi măng", "2019-06-01", "Huyện 167", "CSV-" + tag + "-2", null),
                row(department, "Cơ quan nhà nước", "Tiền mặt", "3.000.000 VNĐ", null, "01/07/2019", null, null, "CSV-ROW-" + tag)));
        JsonPath dryRun = upload(ADMIN, csv, "text/csv");
        assertEquals(0, dryRun.getInt("rows.invalid"), dryRun.prettify());
        assertEquals(Map.of("CREATE", 3), dryRun.getMap("plan.contributions"));
        assertEquals(Map.of("CREATE", 3), dryRun.getMap("plan.donors"), "a donor is matched within its district");
        JsonPath committed = commit(ADMIN, dryRun.getString("id"), "ALL");
        assertEquals(3, committed.getInt("rows.written"));

        List<Map<String, Object>> businesses = donors(ADMIN, business);
        assertEquals(List.of("165", "167"), businesses.stream().map(d -> (String) d.get("districtCode")).sorted().toList());
        Map<String, Object> inKind = businesses.stream().filter(d -> "167".equals(d.get("districtCode")))
                .map(d -> contributionsOf((String) d.get("id")).get(0)).findFirst().orElseThrow();
        assertEquals(1_200_000, inKind.get("amountVnd"));
        assertEquals("167", inKind.get("districtCode"), "a district by its name");
        List<Map<String, Object>> provinceLevel = contributionsOf((String) onlyDonor(department).get("id"));
        assertEquals(3_000_000, provinceLevel.get(0).get("amountVnd"));
        assertNull(provinceLevel.get(0).get("districtCode"), "the province's blank district is the province's own book");
        assertEquals("GOVERNMENT", onlyDonor(department).get("type"));

        JsonPath again = upload(ADMIN, csv, "text/csv");
        assertEquals(Map.of("UNCHANGED", 3), again.getMap("plan.contributions"));
    }

    @Test
    void importsAreWrittenOnlyWithinTheCallersScope() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String donor = "Nhà hảo tâm phạm vi " + tag;
        byte[] csv = Sheets.csv(false, ",", List.of(
                row("donorName", "donorType", "form", "amountVnd", "receivedOn", "receiptNo"),
                row(donor, "INDIVIDUAL", "CASH", "2.000.000", "10/05/2019", "SCOPE-" + tag)));
        given().auth().oauth2(Tokens.viewer()).contentType("text/csv").queryParam("kind", "contributions").body(csv)
                .post("/api/v1/imports").then().statusCode(403);
        String id = upload(OFFICER, csv, "text/csv").getString("id");
        String otherOfficer = Tokens.districtOfficer("165");
        given().auth().oauth2(otherOfficer).contentType(ContentType.JSON).body(Map.of("rows", "ALL"))
                .post("/api/v1/imports/" + id + "/commit").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(Map.of("rows", "ALL"))
                .post("/api/v1/imports/" + id + "/commit").then().statusCode(403);
        given().auth().oauth2(otherOfficer).get("/api/v1/imports/" + id).then().statusCode(403);
        assertEquals("READY", follow(OFFICER, id, "VALIDATING").getString("status"), "the refused commits changed nothing");
        assertEquals(0, donors(ADMIN, donor).size());
    }

    @Test
    void theTemplateHasTheVietnameseHeaders() throws Exception {
        byte[] template = given().auth().oauth2(OFFICER).get("/api/v1/imports/templates/contributions.xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("Đóng góp");
            Row header = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertEquals(List.of("Tên nhà tài trợ", "Loại nhà tài trợ", "Điện thoại nhà tài trợ", "Thư điện tử nhà tài trợ", "Hình thức",
                    "Số tiền (đồng)", "Cách tính giá trị", "Ngày nhận", "Huyện", "Xã, phường", "Mã câu lạc bộ", "Mục đích", "Số biên lai",
                    "Mã dòng"), headers);
            assertNull(sheet.getRow(1), "the sheet to fill in has no example row");
        }
    }

    static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    /** Uploads a file and follows the dry run to its report. */
    static JsonPath upload(String token, byte[] file, String type) {
        Response answer = given().auth().oauth2(token).contentType(type).queryParam("kind", "contributions")
                .queryParam("fileName", "dong-gop." + (type.equals(XLSX) ? "xlsx" : "csv")).body(file).post("/api/v1/imports");
        assertTrue(answer.statusCode() == 201 || answer.statusCode() == 202, answer.asString());
        return follow(token, answer.jsonPath().getString("id"), "VALIDATING");
    }

    static List<String> fieldsOfRow(List<Map<String, Object>> errors, int row) {
        return errors.stream().filter(e -> e.get("row").equals(row)).map(e -> (String) e.get("field")).sorted().collect(Collectors.toList());
    }

    static Object valueOf(List<Map<String, Object>> errors, int row, String field) {
        return errors.stream().filter(e -> e.get("row").equals(row) && field.equals(e.get("field"))).findFirst().orElseThrow().get("value");
    }

    static List<Map<String, Object>> donors(String token, String q) {
        return given().auth().oauth2(token).queryParam("q", q).queryParam("size", 500).get("/api/v1/donors")
                .then().statusCode(200).extract().path("items");
    }

    static Map<String, Object> onlyDonor(String name) {
        List<Map<String, Object>> found = donors(ADMIN, name);
        assertEquals(1, found.size(), name + ": " + found);
        return found.get(0);
    }

    /** A donor's contributions in the order received. */
    static List<Map<String, Object>> contributionsOf(String donorId) {
        return given().auth().oauth2(ADMIN).queryParam("donorId", donorId).queryParam("size", 500).get("/api/v1/contributions")
                .then().statusCode(200).extract().path("items");
    }
}
