package vn.ishc.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A district's member list, imported into registry, reaches the province's figures in reporting
 * through the same snapshots as one-by-one registration, and reconciliation still matches.
 */
class ImportFlowIT {

    private static final String PROGRESS = "/api/v1/programmes/TN-ISHC-2017-2020/progress";
    private static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.get();
        String viewer = suite.token("viewer", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(viewer).getList("districts").size() == 9);
    }

    @Test
    void importedClubsAndMembersCountInTheProvinceAndReconciliationMatches() throws Exception {
        String officer = suite.token("district-officer", "168");
        String admin = suite.token("province-admin", null);
        String viewer = suite.token("viewer", null);
        JsonPath before = progress(viewer);
        int clubs = before.getInt("districts.find { it.code == '168' }.clubs.active");
        int members = before.getInt("districts.find { it.code == '168' }.members.active");
        int older = before.getInt("province.members.older");

        String tag = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("\uFEFFXã/phường/thị trấn;Tên câu lạc bộ;Ngày thành lập CLB;Họ và tên;Giới tính;Ngày sinh;Hoàn cảnh gia đình;Ngày tham gia\r\n");
        for (int club = 0; club < 3; club++) {
            for (int person = 0; person < 10; person++) {
                // Members born in 1950 are older people on 30/06/2019; those born in 1990 are not.
                csv.append("Giang Tiên;CLB danh sách ").append(tag).append(' ').append(club).append(";01/03/2018;Người ").append(club).append('-')
                        .append(person).append(' ').append(tag).append(';').append(person % 2 == 0 ? "Nữ" : "Nam").append(';')
                        .append(person < 8 ? "1950" : "1990").append(";Không;01/04/2018\r\n");
            }
        }
        JsonPath job = given().auth().oauth2(officer).contentType("text/csv").queryParam("kind", "members")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8)).post(suite.registry.baseUrl() + "/api/v1/imports")
                .then().statusCode(201).extract().jsonPath();
        assertEquals(0, job.getInt("rows.invalid"), job.prettify());
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("rows", "ALL"))
                .post(suite.registry.baseUrl() + "/api/v1/imports/" + job.getString("id") + "/commit")
                .then().statusCode(200).body("status", equalTo("COMMITTED")).body("rows.written", equalTo(30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = progress(viewer);
            assertEquals(clubs + 3, after.getInt("districts.find { it.code == '168' }.clubs.active"));
            assertEquals(members + 30, after.getInt("districts.find { it.code == '168' }.members.active"));
            assertEquals(older + 24, after.getInt("province.members.older"));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(admin).queryParam("asOf", "2019-06-30")
                .get(suite.reporting.baseUrl() + "/api/v1/reconciliation").then().statusCode(200)
                .body("status", equalTo("MATCH")).body("differences.size()", equalTo(0)));
    }

    private static JsonPath progress(String token) {
        return given().auth().oauth2(token).queryParam("asOf", "2019-06-30").get(suite.reporting.baseUrl() + PROGRESS)
                .then().statusCode(200).extract().jsonPath();
    }
}
