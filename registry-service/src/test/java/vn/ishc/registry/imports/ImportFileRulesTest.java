package vn.ishc.registry.imports;

import vn.ishc.testkit.imports.Sheets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.ishc.registry.imports.MemberImportTest.XLSX;
import static vn.ishc.registry.imports.MemberImportTest.row;
import static vn.ishc.registry.imports.MemberImportTest.upload;

/** Files that cannot be read are refused whole and leave nothing; partners' CSV, templates, and who may import. */
@QuarkusTest
class ImportFileRulesTest {

    static final String OFFICER = Tokens.districtOfficer("168");

    @Test
    void filesThatAreNotReadableTablesAreRefusedWithAProblemAndLeaveNoJob() throws Exception {
        int before = jobCount();
        upload(OFFICER, "members", "%PDF-1.7 not a table".getBytes(StandardCharsets.US_ASCII), "application/octet-stream")
                .then().statusCode(415).contentType("application/problem+json");
        upload(OFFICER, "members", encrypted(Sheets.workbook("Hội viên", List.of(List.of("Họ và tên")))), XLSX)
                .then().statusCode(415).body("detail", containsString("password"));
        upload(OFFICER, "members", Sheets.csv(true, ",", List.of(List.of("Họ và tên", "Giới tính"), List.of("Lan", "Nữ"))), "text/csv")
                .then().statusCode(400).body("detail", containsString("Tên câu lạc bộ"));
        upload(OFFICER, "members", merged(), XLSX).then().statusCode(400).body("detail", containsString("A1:B1"));
        List<Object> wide = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            wide.add("Cột " + i);
        }
        upload(OFFICER, "members", Sheets.csv(false, ",", List.of(wide)), "text/csv").then().statusCode(400).body("detail", containsString("200"));
        StringBuilder many = new StringBuilder("Xã/phường/thị trấn;Tên câu lạc bộ;Họ và tên;Giới tính;Hoàn cảnh gia đình;Ngày tham gia\r\n");
        for (int i = 0; i < 100_001; i++) {
            many.append("05608;CLB;Lan;Nữ;Không;01/04/2018\r\n");
        }
        upload(OFFICER, "members", many.toString().getBytes(StandardCharsets.UTF_8), "text/csv").then().statusCode(400)
                .body("detail", containsString("100"));
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        upload(OFFICER, "members", huge, "text/csv").then().statusCode(413);
        upload(OFFICER, "members", new byte[0], "text/csv").then().statusCode(400);
        upload(OFFICER, "pets", Sheets.csv(false, ",", List.of(List.of("x"))), "text/csv").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("kind"));
        assertEquals(before, jobCount(), "a refused file leaves no job behind");
    }

    @Test
    void aPartnersCsvWithApiFieldNamesAndSemicolonsIsReadAndAnAmbiguousCommuneNameIsNamed() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String admin = Tokens.provinceAdmin();
        byte[] csv = Sheets.csv(true, ";", List.of(
                row("communeCode", "clubName", "establishedOn", "fullName", "gender", "birthYear", "householdStatus", "joinedOn"),
                row("Tân Thịnh", "CLB đối tác " + tag, "2019-01-10", "Phạm Thị Mười " + tag, "FEMALE", "1950", "NONE", "2019-02-01"),
                row("tan thinh", "CLB đối tác " + tag, "2019-01-10", "Phạm Văn Một " + tag, "MALE", "1949", "POOR", "2019-02-01")));
        JsonPath ambiguous = upload(admin, "members", csv, "text/csv").then().statusCode(201).extract().jsonPath();
        assertEquals(2, ambiguous.getInt("rows.invalid"));
        String message = ambiguous.getString("errors[0].message");
        assertTrue(message.contains("05452") && message.contains("05548"), message);

        byte[] withDistrict = Sheets.csv(false, ";", List.of(
                row("districtCode", "communeCode", "clubName", "establishedOn", "fullName", "gender", "birthYear", "householdStatus", "joinedOn"),
                row("Định Hóa", "Tân Thịnh", "CLB đối tác " + tag, "2019-01-10", "Phạm Thị Mười " + tag, "FEMALE", "1950", "NONE", "2019-02-01"),
                row("167", "tan thinh", "\"CLB đối tác " + tag + "\"", "2019-01-10", "Phạm Văn Một " + tag, "MALE", "1949", "POOR", "2019-02-01")));
        JsonPath read = upload(admin, "members", withDistrict, "text/csv").then().statusCode(201).extract().jsonPath();
        assertEquals(0, read.getInt("rows.invalid"), read.prettify());
        assertEquals(Map.of("CREATE", 1), read.getMap("plan.clubs"));
        assertEquals(Map.of("CREATE", 2), read.getMap("plan.members"));
        assertEquals(List.of(), read.getList("columns.ignored"));
    }

    @Test
    void aClubsFoundingDateOnItsFirstRowOnlyHoldsForItsOtherRowsInACommuneRenamedSince() {
        // 05509 was Phường Lương Châu until 2020-02-01 and is Phường Châu Sơn since: a club founded in 2018 belongs to it.
        String tag = UUID.randomUUID().toString().substring(0, 6);
        byte[] csv = Sheets.csv(false, ",", List.of(
                row("Xã/phường/thị trấn", "Tên câu lạc bộ", "Ngày thành lập CLB", "Họ và tên", "Giới tính", "Ngày sinh", "Hoàn cảnh gia đình", "Ngày tham gia"),
                row("05509", "CLB Lương Châu " + tag, "05/02/2018", "Hà Thị Một " + tag, "Nữ", "1950", "Không", "01/03/2018"),
                row("05509", "CLB Lương Châu " + tag, "", "Hà Văn Hai " + tag, "Nam", "1951", "Không", "01/03/2018")));
        JsonPath job = upload(Tokens.provinceAdmin(), "members", csv, "text/csv").then().statusCode(201).extract().jsonPath();
        assertEquals(0, job.getInt("rows.invalid"), job.prettify());
        assertEquals(Map.of("CREATE", 2), job.getMap("plan.members"));
    }

    @Test
    void officersImportIntoTheirDistrictOnlyAndSeeTheirDistrictsJobsViewersNever() {
        byte[] csv = Sheets.csv(false, ",", List.of(
                row("Xã/phường/thị trấn", "Tên câu lạc bộ", "Ngày thành lập CLB"),
                row("05608", "CLB quyền " + UUID.randomUUID(), "01/01/2019")));
        upload(Tokens.viewer(), "clubs", csv, "text/csv").then().statusCode(403);
        JsonPath job = upload(OFFICER, "clubs", csv, "text/csv").then().statusCode(201).extract().jsonPath();
        given().auth().oauth2(Tokens.districtOfficer("165")).get("/api/v1/imports/" + job.getString("id")).then().statusCode(403);
        given().auth().oauth2(Tokens.districtOfficer("165")).contentType("application/json").body(Map.of("rows", "ALL"))
                .post("/api/v1/imports/" + job.getString("id") + "/commit").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/imports/" + job.getString("id")).then().statusCode(403);
        given().auth().oauth2(Tokens.provinceAdmin()).get("/api/v1/imports/" + job.getString("id")).then().statusCode(200)
                .body("districtCode", org.hamcrest.Matchers.equalTo("168"));
        List<String> seen = given().auth().oauth2(Tokens.districtOfficer("165")).get("/api/v1/imports").then().statusCode(200).extract().path("id");
        assertTrue(!seen.contains(job.getString("id")), "another district's officer does not list it");
    }

    @Test
    void templatesHaveTheVietnameseHeadersAnEmptyDataSheetAndAnExample() throws Exception {
        byte[] xlsx = given().auth().oauth2(OFFICER).get("/api/v1/imports/templates/members.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString("mau-nhap-members.xlsx")).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var data = workbook.getSheet("Hội viên");
            assertEquals("Xã/phường/thị trấn", data.getRow(0).getCell(1).getStringCellValue());
            assertEquals("Họ và tên", data.getRow(0).getCell(5).getStringCellValue());
            assertEquals(0, data.getLastRowNum(), "only headers: a template sent back unchanged imports nothing");
            assertEquals("Nguyễn Thị Lan", workbook.getSheet("Ví dụ").getRow(1).getCell(5).getStringCellValue());
            assertTrue(workbook.getSheet("Hướng dẫn").getRow(8).getCell(3).getStringCellValue().contains("năm"));
        }
        String csv = new String(given().auth().oauth2(OFFICER).get("/api/v1/imports/templates/clubs.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals("\uFEFFHuyện/thành phố,Xã/phường/thị trấn,Tên câu lạc bộ,Thôn/xóm/tổ,Ngày thành lập CLB\r\n", csv);
        given().auth().oauth2(OFFICER).get("/api/v1/imports/templates/members.pdf").then().statusCode(404);
    }

    private static int jobCount() {
        return given().auth().oauth2(OFFICER).get("/api/v1/imports").then().statusCode(200).extract().path("size()");
    }

    private static byte[] merged() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Hội viên");
            var header = sheet.createRow(0);
            for (int i = 0; i < MemberImportTest.HEADERS.size(); i++) {
                header.createCell(i).setCellValue((String) MemberImportTest.HEADERS.get(i));
            }
            // Every header is there, but two cells of the header row are merged, as a title often is.
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 1));
            sheet.createRow(1).createCell(0).setCellValue("05608");
            workbook.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encrypted(byte[] workbook) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mật khẩu");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(workbook);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
