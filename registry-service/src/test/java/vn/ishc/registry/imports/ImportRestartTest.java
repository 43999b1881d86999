package vn.ishc.registry.imports;

import vn.ishc.testkit.imports.Sheets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ishc.testkit.stack.Tokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ishc.testkit.imports.ImportCalls.follow;
import static vn.ishc.testkit.imports.ImportCalls.pause;
import static vn.ishc.registry.imports.MemberImportTest.row;
import static vn.ishc.registry.imports.MemberImportTest.upload;

/**
 * A job outlives the replica that worked on it: a commit whose worker stopped (its lease ran out)
 * is resumed and writes each row once; a dry run whose file went with its replica ends as FAILED
 * with its reason.
 */
@QuarkusTest
class ImportRestartTest {

    static final String OFFICER = Tokens.districtOfficer("169");

    @Inject
    AgroalDataSource database;

    @Test
    void aCommitLeftByAStoppedReplicaIsResumedAndWritesEveryRowOnce() throws Exception {
        String club = "CLB khởi động lại " + UUID.randomUUID().toString().substring(0, 6);
        byte[] csv = Sheets.csv(false, ",", List.of(
                row("Xã/phường/thị trấn", "Tên câu lạc bộ", "Ngày thành lập CLB", "Họ và tên", "Giới tính", "Ngày sinh", "Hoàn cảnh gia đình", "Ngày tham gia"),
                row("05656", club, "01/03/2019", "Dương Thị Một", "Nữ", "1950", "Không", "01/04/2019"),
                row("05656", club, "", "Dương Văn Hai", "Nam", "1951", "Không", "01/04/2019")));
        String id = upload(OFFICER, "members", csv, "text/csv").then().statusCode(201).extract().path("id");
        // As if a replica had started the commit and died: COMMITTING, nothing written, its lease run out.
        execute("update import_job set status = 'COMMITTING', commit_mode = 'ALL', lease_until = now() - interval '1 minute' where id = ?", id);

        JsonPath done = follow(OFFICER, id, "COMMITTING");
        assertEquals("COMMITTED", done.getString("status"));
        assertEquals(2, done.getInt("rows.written"));
        assertEquals(2, MemberImportTest.members((String) MemberImportTest.club(club).get("id")).size());
        assertEquals(1, MemberImportTest.club(club).get("version"));
    }

    @Test
    void aDryRunLeftByAStoppedReplicaEndsAsFailedWithItsReason() throws Exception {
        byte[] csv = Sheets.csv(false, ",", List.of(row("Xã/phường/thị trấn", "Tên câu lạc bộ", "Ngày thành lập CLB"),
                row("05656", "CLB bỏ dở " + UUID.randomUUID(), "01/03/2019")));
        String id = upload(OFFICER, "clubs", csv, "text/csv").then().statusCode(201).extract().path("id");
        execute("update import_job set status = 'VALIDATING', finished_at = null, lease_until = now() - interval '1 minute' where id = ?", id);

        JsonPath failed = io.restassured.RestAssured.given().auth().oauth2(OFFICER).header("Accept-Language", "vi")
                .get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
        for (int i = 0; i < 100 && "VALIDATING".equals(failed.getString("status")); i++) {
            pause(200);
            failed = io.restassured.RestAssured.given().auth().oauth2(OFFICER).header("Accept-Language", "vi")
                    .get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
        }
        assertEquals("FAILED", failed.getString("status"));
        assertEquals("Dịch vụ khởi động lại khi đang kiểm tra tệp; chưa có gì được ghi. Hãy tải tệp lên lại.", failed.getString("problem"));
        io.restassured.RestAssured.given().auth().oauth2(OFFICER).contentType("application/json").body(java.util.Map.of("rows", "ALL"))
                .post("/api/v1/imports/" + id + "/commit").then().statusCode(409);
    }

    @Test
    void finishedJobsAreForgottenWithTheirRowsAfterThirtyDays() throws Exception {
        byte[] csv = Sheets.csv(false, ",", List.of(row("Xã/phường/thị trấn", "Tên câu lạc bộ", "Ngày thành lập CLB"),
                row("05656", "CLB cũ " + UUID.randomUUID(), "01/03/2019")));
        String old = upload(OFFICER, "clubs", csv, "text/csv").then().statusCode(201).extract().path("id");
        String recent = upload(OFFICER, "clubs", csv, "text/csv").then().statusCode(201).extract().path("id");
        execute("update import_job set finished_at = now() - interval '31 days', created_at = now() - interval '31 days' where id = ?", old);

        for (int i = 0; i < 100 && io.restassured.RestAssured.given().auth().oauth2(OFFICER).get("/api/v1/imports/" + old).statusCode() == 200; i++) {
            pause(200);
        }
        io.restassured.RestAssured.given().auth().oauth2(OFFICER).get("/api/v1/imports/" + old).then().statusCode(404);
        io.restassured.RestAssured.given().auth().oauth2(OFFICER).get("/api/v1/imports/" + recent).then().statusCode(200);
        try (Connection connection = database.getConnection();
             PreparedStatement rows = connection.prepareStatement("select count(*) from import_row where job_id = ?")) {
            rows.setObject(1, UUID.fromString(old));
            var result = rows.executeQuery();
            result.next();
            assertEquals(0, result.getInt(1), "its rows go with it");
        }
    }

    private void execute(String sql, String id) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            assertEquals(1, statement.executeUpdate());
        }
    }
}
