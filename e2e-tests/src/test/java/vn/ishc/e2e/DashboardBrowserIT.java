package vn.ishc.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The dashboard in a real headless Chromium: it shows the figures and a new club appears within seconds. */
class DashboardBrowserIT {

    @Test
    void aNewClubAppearsOnTheOpenDashboard() throws Exception {
        Suite suite = Suite.get();
        String page = given().get(suite.reporting.baseUrl() + "/").then().statusCode(200).extract().asString();
        assertFalse(page.contains("https://") || page.contains("http://"), "no CDN or other external resource");

        Path work = Path.of("target", "e2e", "browser").toAbsolutePath();
        try (HeadlessChromium browser = HeadlessChromium.open(
                suite.reporting.baseUrl() + "/#token=" + suite.token("viewer", null), work.resolve("profile"))) {
            String before = browser.waitFor("document.getElementById('province').dataset.clubsActive", v -> true, Duration.ofSeconds(20));
            assertNotNull(before, "the dashboard shows the province's figures");
            assertEquals("9", browser.waitFor("String(document.querySelectorAll('#districts article').length)", "9"::equals,
                    Duration.ofSeconds(10)));
            browser.waitFor("document.getElementById('live-state').textContent", "trực tiếp"::equals, Duration.ofSeconds(10));

            given().auth().oauth2(suite.token("district-officer", "167")).contentType(ContentType.JSON)
                    .body(Map.of("name", "CLB Liên thế hệ Động Đạt", "communeCode", "05584", "establishedOn", "2018-09-01"))
                    .post(suite.registry.baseUrl() + "/api/v1/clubs").then().statusCode(201);

            String expected = String.valueOf(Integer.parseInt(before) + 1);
            String after = browser.waitFor("document.getElementById('province').dataset.clubsActive", expected::equals, Duration.ofSeconds(10));
            browser.screenshot(work.resolve("dashboard.png"));
            assertEquals(expected, after, "the new club is on the open page within seconds");
        }
    }
}
