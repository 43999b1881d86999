package vn.ishc.funding.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Reform;
import vn.ishc.testkit.imports.Sheets;
import vn.ishc.testkit.stack.Tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.ishc.funding.imports.ContributionImportTest.ADMIN;
import static vn.ishc.funding.imports.ContributionImportTest.contributionsOf;
import static vn.ishc.funding.imports.ContributionImportTest.fieldsOfRow;
import static vn.ishc.funding.imports.ContributionImportTest.onlyDonor;
import static vn.ishc.funding.imports.ContributionImportTest.row;
import static vn.ishc.funding.imports.ContributionImportTest.upload;
import static vn.ishc.testkit.imports.ImportCalls.commit;

/** A contribution book crossing the 2025 reform: rows after it name a commune (by code or name) or none, never a district. */
@QuarkusTest
class ReformImportTest {

    @BeforeEach
    void reform() {
        Reform.known();
    }

    @Test
    void rowsAfterTheReformAreRecordedToTheirCommuneAndADistrictIsRefusedThere() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String donor = "Doanh nghiệp cải cách " + tag;
        byte[] csv = Sheets.csv(true, ";", List.of(
                row("Tên nhà tài trợ", "Loại nhà tài trợ", "Hình thức", "Số tiền (đồng)", "Ngày nhận", "Huyện", "Xã, phường", "Số biên lai"),
                row(donor, "Doanh nghiệp", "Tiền mặt", "4.000.000", "05/07/2025", null, "05443", "REF-" + tag + "-1"),
                row(donor, "Doanh nghiệp", "Tiền mặt", "2.000.000", "06/07/2025", null, "phường quan triều", "REF-" + tag + "-2"),
                row(donor, "Doanh nghiệp", "Tiền mặt", "1.000.000", "05/07/2025", "164", null, "REF-" + tag + "-3"),
                row(donor, "Doanh nghiệp", "Tiền mặt", "1.000.000", "31/12/2024", null, "05443", "REF-" + tag + "-4")));
        JsonPath dryRun = upload(ADMIN, csv, "text/csv");
        assertEquals(2, dryRun.getInt("rows.valid"), dryRun.prettify());
        List<Map<String, Object>> errors = dryRun.getList("errors");
        assertEquals(List.of("districtCode"), fieldsOfRow(errors, 4), "a district after the districts ended");
        assertEquals(List.of("communeCode"), fieldsOfRow(errors, 5), "a commune before the reform");
        assertEquals(2, commit(ADMIN, dryRun.getString("id"), "VALID").getInt("rows.written"));

        List<Map<String, Object>> recorded = contributionsOf((String) onlyDonor(donor).get("id"));
        assertEquals(List.of("05443", "05482"), recorded.stream().map(c -> (String) c.get("communeCode")).toList(), "by code and by name");
        assertEquals(java.util.Arrays.asList(null, null), recorded.stream().map(c -> c.get("districtCode")).toList());
        assertNull(onlyDonor(donor).get("districtCode"), "a commune's new donor is registered at province level");
    }

    @Test
    void anAreaOfficerImportsIntoTheirCommunesOnly() {
        String officer = Tokens.areaOfficer("05443");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String donor = "Nhà hảo tâm phường " + tag;
        byte[] csv = Sheets.csv(true, ";", List.of(
                row("Tên nhà tài trợ", "Loại nhà tài trợ", "Hình thức", "Số tiền (đồng)", "Ngày nhận", "Huyện", "Xã, phường", "Số biên lai"),
                row(donor, "Cá nhân", "Tiền mặt", "2.000.000", "10/07/2025", null, "05443", "AREA-" + tag + "-1"),
                row(donor, "Cá nhân", "Tiền mặt", "3.000.000", "10/07/2025", null, "05482", "AREA-" + tag + "-2")));
        JsonPath dryRun = upload(officer, csv, "text/csv");
        assertEquals(1, dryRun.getInt("rows.valid"), dryRun.prettify());
        assertEquals(List.of("communeCode"), fieldsOfRow(dryRun.getList("errors"), 3), "another commune's row");
        assertEquals(1, commit(officer, dryRun.getString("id"), "VALID").getInt("rows.written"));
        List<Map<String, Object>> recorded = contributionsOf((String) onlyDonor(donor).get("id"));
        assertEquals(List.of("05443"), recorded.stream().map(c -> (String) c.get("communeCode")).toList());
        // Their job is theirs: another commune's officer does not see it.
        io.restassured.RestAssured.given().auth().oauth2(Tokens.areaOfficer("05482")).get("/api/v1/imports/" + dryRun.getString("id"))
                .then().statusCode(403);
    }
}
