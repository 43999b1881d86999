package vn.ishc.funding.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Registry;
import vn.ishc.testkit.stack.Tokens;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contributions and pledges leave as files, a person's name only where the API would show it. */
@QuarkusTest
class FundingExportTest {

    @Test
    void contributionsLeaveWithTheirValuesAndAPersonsNameOnlyForTheirDistrictAndTheProvince() throws Exception {
        Registry.districtsKnown();
        String officer = Tokens.districtOfficer("169");
        String person = "Bà Đinh Thị Hoa " + UUID.randomUUID().toString().substring(0, 6);
        String donor = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("name", person, "type", "INDIVIDUAL"))
                .post("/api/v1/donors").then().statusCode(201).extract().path("id");
        String receipt = "PT-EXP-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "IN_KIND", "amountVnd", 4_500_000, "receivedOn", "2019-05-20", "districtCode", "169",
                        "valuationNote", "10 bao gạo, giá thị trường", "receiptNo", receipt))
                .post("/api/v1/contributions").then().statusCode(201);

        String own = csv(officer, donor);
        assertTrue(own.startsWith("\ufeffMã khoản đóng góp,Ngày nhận,Nhà tài trợ"), own);
        assertTrue(own.contains(person) && own.contains("20/05/2019") && own.contains("Hiện vật") && own.contains("4500000")
                && own.contains("\"10 bao gạo, giá thị trường\"") && own.contains(receipt) && own.contains("Đã ghi nhận"), own);
        assertTrue(csv(Tokens.provinceAdmin(), donor).contains(person));
        String other = csv(Tokens.districtOfficer("164"), donor);
        assertTrue(other.contains(receipt) && !other.contains(person) && other.contains("(cá nhân)"), "another district's officer: " + other);
        String viewer = csv(Tokens.viewer(), donor);
        assertTrue(viewer.contains(receipt) && !viewer.contains(person), viewer);

        String donors = new String(given().auth().oauth2(officer).queryParam("type", "INDIVIDUAL").get("/api/v1/exports/donors.csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(donors.contains(person), "the district's own donor");
        String elsewhere = new String(given().auth().oauth2(Tokens.districtOfficer("164")).queryParam("type", "INDIVIDUAL")
                .get("/api/v1/exports/donors.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertFalse(elsewhere.contains(person), "persons of another district are left out");
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/exports/donors.csv").then().statusCode(403);

        byte[] xlsx = given().auth().oauth2(officer).queryParam("donorId", donor).get("/api/v1/exports/contributions.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString("dong-gop-")).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Đóng góp");
            assertEquals(1, sheet.getLastRowNum());
            Row row = sheet.getRow(1);
            assertEquals(LocalDate.of(2019, 5, 20), row.getCell(FundingExports.CONTRIBUTION_HEADERS.indexOf("Ngày nhận")).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(4_500_000, row.getCell(FundingExports.CONTRIBUTION_HEADERS.indexOf("Số tiền (đồng)")).getNumericCellValue());
        }
    }

    @Test
    void pledgesShowWhatTheyReceivedAndStillLackAndFilterByTheirStatus() {
        Registry.districtsKnown();
        String admin = Tokens.provinceAdmin();
        String donor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Công ty cổ phần thử xuất " + UUID.randomUUID().toString().substring(0, 6), "type", "BUSINESS"))
                .post("/api/v1/donors").then().statusCode(201).extract().path("id");
        String pledge = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "amountVnd", 10_000_000, "pledgedOn", "2019-03-01", "districtCode", "169"))
                .post("/api/v1/pledges").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("donorId", donor, "form", "CASH", "amountVnd", 4_000_000, "receivedOn", "2019-04-01", "districtCode", "169", "pledgeId", pledge))
                .post("/api/v1/contributions").then().statusCode(201);
        String open = new String(given().auth().oauth2(admin).queryParam("donorId", donor).queryParam("status", "OPEN")
                .get("/api/v1/exports/pledges.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(open.contains(pledge) && open.contains(",10000000,") && open.contains(",4000000,6000000,Đang thực hiện,"), open);
        String fulfilled = new String(given().auth().oauth2(admin).queryParam("donorId", donor).queryParam("status", "FULFILLED")
                .get("/api/v1/exports/pledges.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertFalse(fulfilled.contains(pledge));
        given().auth().oauth2(admin).queryParam("status", "DONE").get("/api/v1/exports/pledges.csv").then().statusCode(400);
        given().auth().oauth2(admin).queryParam("receivedFrom", "2019-13-01").get("/api/v1/exports/contributions.csv").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/v1/exports/pledges.ods").then().statusCode(404);
    }

    private static String csv(String token, String donor) {
        return new String(given().auth().oauth2(token).queryParam("donorId", donor).get("/api/v1/exports/contributions.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
    }
}
