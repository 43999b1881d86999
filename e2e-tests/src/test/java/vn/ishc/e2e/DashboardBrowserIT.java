package vn.ishc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium, at a desktop width (1280 px) and a phone's (390 px):
 * the figures, a new club within seconds, any date, honest charts, shares, the download, a
 * visitor without a token told how to get one, and the areas in force on each side of the 2025
 * reform (districts, then communes) with the communes' coverage, as the progress API gives them.
 */
class DashboardBrowserIT {

    private static final String PROVINCE_AS_OF = "document.getElementById('province').dataset.asOf";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The last day of the districts and the first of the 92 communes directly under the province (decision 0013). */
    private static final String BEFORE_REFORM = "2025-06-30";
    private static final String AFTER_REFORM = "2025-07-01";
    /**
     * What the dashboard shows of the areas and the coverage, one line each: the date, the heading, the areas with their
     * level, the coverage line, the table by former district and the clubs awaiting a successor; {@link #expectedView} is
     * the same worked out from the progress API.
     */
    private static final String AREAS_VIEW = "(() => { const texts = (s) => Array.from(document.querySelectorAll(s)).map(e => e.textContent);"
            + " return [document.getElementById('province').dataset.asOf, document.getElementById('areas-heading').textContent,"
            + " Array.from(document.querySelectorAll('#areas article')).map(a => a.dataset.level + ' ' + a.querySelector('h3').textContent).join('; '),"
            + " document.getElementById('coverage').hidden ? 'hidden' : texts('#coverage .coverage-total').join(''),"
            + " Array.from(document.querySelectorAll('#coverage .former-districts tbody tr'))"
            + ".map(r => Array.from(r.cells).map(c => c.textContent).join('|')).join('; '),"
            + " texts('#coverage .awaiting').join('')].join('\\n'); })()";

    @Test
    void aVisitorWithoutATokenIsToldHowToGetOne() throws Exception {
        Suite suite = Suite.get();
        Path work = Path.of("target", "e2e", "browser-no-token").toAbsolutePath();
        try (HeadlessChromium browser = HeadlessChromium.open(suite.reporting.baseUrl() + "/", work.resolve("profile"))) {
            String help = browser.waitFor("document.getElementById('sign-in').hidden ? null : document.getElementById('sign-in').innerText",
                    v -> true, Duration.ofSeconds(10));
            assertNotNull(help, "the sign-in help is shown");
            assertTrue(help.contains("Cần mã truy cập") && help.contains("./ishc token viewer"), help);
            assertEquals("chưa kết nối", browser.evaluate("document.getElementById('live-state').textContent"), "nothing spins");
        }
    }

    @Test
    void anyDateChartsSharesAndDownloadAtDesktopAndPhoneWidths() throws Exception {
        Suite suite = Suite.get();
        Path work = Path.of("target", "e2e", "browser-widths").toAbsolutePath();
        for (int width : new int[] {1280, 390}) {
            String clubName = "CLB Liên thế hệ Túc Duyên " + width + " " + java.util.UUID.randomUUID().toString().substring(0, 6);
            given().auth().oauth2(suite.token("district-officer", "164")).contentType(ContentType.JSON)
                    .body(Map.of("name", clubName, "communeCode", "05437", "establishedOn", "2018-05-01"))
                    .post(suite.registry.baseUrl() + "/api/v1/clubs").then().statusCode(201);
            try (HeadlessChromium browser = HeadlessChromium.open(
                    suite.reporting.baseUrl() + "/#token=" + suite.token("viewer", null), work.resolve("profile-" + width))) {
                browser.viewport(width, 900);
                String defaultDay = browser.waitFor(PROVINCE_AS_OF, v -> true, Duration.ofSeconds(20));
                assertEquals("2020-12-31", defaultDay, "a programme that has ended opens at its end");

                // Any date: the figures, the heading and the live stream follow the picker.
                browser.evaluate("(() => { const p = document.getElementById('date-picker'); p.value = '2019-06-30';"
                        + " p.dispatchEvent(new Event('change')); })()");
                assertEquals("2019-06-30", browser.waitFor(PROVINCE_AS_OF, "2019-06-30"::equals, Duration.ofSeconds(10)));
                assertEquals("30/06/2019", browser.evaluate("document.getElementById('as-of').textContent"));
                browser.waitFor("document.getElementById('live-state').textContent", "trực tiếp"::equals, Duration.ofSeconds(10));

                // Two charts, each on its own axis from zero, months as MM/yyyy, the target drawn.
                String months = browser.waitFor("Array.from(document.querySelectorAll('#chart-clubs text.month')).map(t => t.textContent).join(' ')",
                        v -> !v.isEmpty(), Duration.ofSeconds(10));
                assertTrue(months.matches("01/2017 .*\\d{2}/20\\d{2}"), months);
                assertEquals("0", browser.evaluate("document.querySelector('#chart-older text.tick').textContent"));
                assertEquals("Mục tiêu 400", browser.evaluate("document.querySelector('#chart-clubs text.target-label').textContent"));

                String shares = browser.evaluate("document.querySelector('#province .shares').textContent");
                assertTrue(shares.contains("nữ") && shares.contains("người cao tuổi") && shares.contains("hộ nghèo và cận nghèo"), shares);

                String normsLine = browser.waitFor("document.querySelector('#province .norms').textContent", v -> !v.isEmpty(),
                        Duration.ofSeconds(10));
                assertTrue(normsLine.startsWith("CLB đạt định mức: quy mô 50–70 hội viên ") && normsLine.contains("cả ba"), normsLine);

                // Drill down: the district's communes, then the clubs of one, on the date chosen.
                browser.evaluate("document.querySelector('button.drill[data-district=\"164\"]').click()");
                String communes = browser.waitFor("(document.getElementById('communes-164') || {}).textContent || ''",
                        v -> v.contains(clubName), Duration.ofSeconds(15));
                assertTrue(communes.contains("Phường Túc Duyên (05437)") && communes.contains(clubName) && communes.contains("Có câu lạc bộ ở"),
                        communes);

                // The download holds what is on screen: the province and its 9 districts on that date.
                browser.evaluate("(() => { const keep = URL.createObjectURL; URL.createObjectURL = (b) => { window.downloaded = b; return 'blob:x'; };"
                        + " document.getElementById('download').click(); URL.createObjectURL = keep; })()");
                // UTF-8 with a byte order mark, so that Excel shows the diacritics.
                assertEquals("239,187,191", browser.evaluate("window.downloaded.arrayBuffer().then(b => Array.from(new Uint8Array(b).slice(0, 3)).join(','))"));
                String csv = browser.evaluate("window.downloaded.text()");
                String[] lines = csv.strip().split("\r\n");
                assertEquals(11, lines.length, csv);
                assertTrue(lines[0].startsWith("Mã,Tên,CLB đang hoạt động"), lines[0]);
                assertTrue(lines[1].startsWith("19,Thái Nguyên,"), lines[1]);

                String tooWide = browser.evaluate("Array.from(document.querySelectorAll('body *')).filter(e => e.getClientRects().length"
                        + " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => e.id || e.tagName).join(' ')");
                assertEquals("", tooWide, "nothing wider than the screen at " + width + " px");
                browser.screenshot(work.resolve("dashboard-" + width + ".png"));
            }
        }
    }

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
            assertEquals("9", browser.waitFor("String(document.querySelectorAll('#areas article').length)", "9"::equals,
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

    @Test
    void theAreasInForceOnEachSideOfThe2025ReformAndTheCoverageOfCommunes() throws Exception {
        Suite suite = Suite.get();
        String viewer = suite.token("viewer", null);
        String programme = suite.reporting.baseUrl() + "/api/v1/programmes/TN-ISHC-2017-2020";
        // A club of 2018 in Phường Túc Duyên: from the reform on it sits in the commune succeeding it (or awaits one).
        String clubName = "CLB Liên thế hệ qua sắp xếp " + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(suite.token("district-officer", "164")).contentType(ContentType.JSON)
                .body(Map.of("name", clubName, "communeCode", "05437", "establishedOn", "2018-03-01"))
                .post(suite.registry.baseUrl() + "/api/v1/clubs").then().statusCode(201);
        // registry's units and the club reach reporting through events
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() ->
                get(viewer, programme + "/progress/districts/164/communes?asOf=2019-06-30").toString().contains(clubName)
                        && get(viewer, programme + "/progress?asOf=" + AFTER_REFORM).path("areas").size() == 92);
        JsonNode before = get(viewer, programme + "/progress?asOf=" + BEFORE_REFORM);
        assertFalse(before.path("areas").isEmpty(), before.toString());
        before.path("areas").forEach(a -> assertEquals("DISTRICT", a.path("level").asText(), a.toString()));
        get(viewer, programme + "/progress?asOf=" + AFTER_REFORM).path("areas")
                .forEach(a -> assertEquals("COMMUNE", a.path("level").asText(), a.toString()));

        Path work = Path.of("target", "e2e", "browser-reform").toAbsolutePath();
        try (HeadlessChromium browser = HeadlessChromium.open(
                suite.reporting.baseUrl() + "/#token=" + viewer, work.resolve("profile"))) {
            browser.viewport(390, 900);
            browser.waitFor(PROVINCE_AS_OF, v -> true, Duration.ofSeconds(20));

            // The day before the reform: the districts, under a heading that says so, and the coverage without former districts.
            choose(browser, BEFORE_REFORM);
            String districts = assertShowsTheApi(browser, viewer, programme, BEFORE_REFORM);
            assertTrue(districts.contains("\nHuyện/thành phố (") && districts.contains(" (164); DISTRICT "), districts);
            assertEquals("0", browser.evaluate("String(document.querySelectorAll('#coverage .former-districts').length)"));

            // The reform's first day: the 92 communes, named in Vietnamese, the coverage and the table by former district.
            choose(browser, AFTER_REFORM);
            String communes = assertShowsTheApi(browser, viewer, programme, AFTER_REFORM);
            assertTrue(communes.contains("\nXã/phường (92)\n") && !communes.contains("DISTRICT"), communes);
            assertTrue(communes.contains("Độ bao phủ: ") && communes.contains(" xã/phường có CLB hoạt động ("), communes);
            assertEquals("Theo địa bàn huyện cũ", browser.evaluate("document.querySelector('#coverage .former-districts caption').textContent"));
            assertTrue(Integer.parseInt(browser.evaluate("String(document.querySelectorAll('#coverage .former-districts tbody tr').length)")) > 0,
                    "the former districts are listed from the reform on");

            // Drill-down on a commune: the club is there on the date (unless its commune was split and it awaits a successor).
            String placedIn = communeOf(get(viewer, programme + "/progress/communes?asOf=" + AFTER_REFORM), clubName);
            if (placedIn != null) {
                browser.evaluate("document.querySelector('button.drill[data-area=\"" + placedIn + "\"]').click()");
                String clubs = browser.waitFor("(document.getElementById('communes-" + placedIn + "') || {}).textContent || ''",
                        v -> v.contains(clubName), Duration.ofSeconds(15));
                assertTrue(clubs.contains(clubName), clubs);
            } else {
                assertTrue(get(viewer, programme + "/progress?asOf=" + AFTER_REFORM).path("clubsAwaitingSuccessor").asLong() > 0);
                assertTrue(browser.evaluate("document.querySelector('#coverage .awaiting').textContent").startsWith("CLB chờ xác định xã kế thừa: "));
            }
            String tooWide = browser.evaluate("Array.from(document.querySelectorAll('body *')).filter(e => e.getClientRects().length"
                    + " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => e.id || e.tagName).join(' ')");
            assertEquals("", tooWide, "nothing wider than a phone's screen after the reform");
            browser.screenshot(work.resolve("dashboard-communes-390.png"));

            // The 2026–2030 programme, chosen on the page: its progress and coverage on its default date, on the communes' map.
            if (!LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).isBefore(LocalDate.parse("2026-01-01"))) {
                String next = suite.reporting.baseUrl() + "/api/v1/programmes/TN-ISHC-2026-2030";
                browser.waitFor("String(!!document.querySelector('#programme-picker option[value=\"TN-ISHC-2026-2030\"]'))", "true"::equals,
                        Duration.ofSeconds(10));
                browser.evaluate("(() => { const s = document.getElementById('programme-picker'); s.value = 'TN-ISHC-2026-2030';"
                        + " s.dispatchEvent(new Event('change')); })()");
                String name = browser.waitFor("document.getElementById('programme-name').textContent", v -> v.contains("2026–2030"),
                        Duration.ofSeconds(20));
                assertTrue(name.contains("2026–2030"), name);
                String day = browser.waitFor(PROVINCE_AS_OF, v -> v.compareTo("2026-01-01") >= 0, Duration.ofSeconds(20));
                assertEquals(get(viewer, next + "/progress").path("asOf").asText(), day, "the programme opens on its default date");
                String view = assertShowsTheApi(browser, viewer, next, day);
                assertTrue(view.contains("\nXã/phường (92)\n"), view);
                assertEquals("TN-ISHC-2026-2030", browser.evaluate("document.getElementById('programme-picker').value"));
                browser.waitFor("document.getElementById('live-state').textContent", "trực tiếp"::equals, Duration.ofSeconds(10));
                browser.screenshot(work.resolve("dashboard-2026-2030-390.png"));
            }
        }
    }

    /** Sets the date picker as a person would. */
    private static void choose(HeadlessChromium browser, String day) throws Exception {
        browser.evaluate("(() => { const p = document.getElementById('date-picker'); p.value = '" + day + "';"
                + " p.dispatchEvent(new Event('change')); })()");
        assertEquals(day, browser.waitFor(PROVINCE_AS_OF, day::equals, Duration.ofSeconds(10)));
    }

    /**
     * The page shows what the progress API gives for the day. Both are read again until they agree for a while, since
     * figures may still be arriving through events and reach the page through the live stream.
     */
    private static String assertShowsTheApi(HeadlessChromium browser, String token, String programme, String day) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String expected;
        String shown;
        do {
            expected = expectedView(get(token, programme + "/progress?asOf=" + day));
            shown = browser.evaluate(AREAS_VIEW);
            if (expected.equals(shown)) {
                return shown;
            }
            Thread.sleep(300);
        } while (System.nanoTime() < deadline);
        assertEquals(expected, shown, "the page shows the progress API's areas and coverage on " + day);
        return shown;
    }

    /** {@link #AREAS_VIEW} as the progress document says it should read. */
    private static String expectedView(JsonNode doc) {
        JsonNode areas = doc.path("areas");
        String level = areas.isEmpty() ? "" : areas.get(0).path("level").asText();
        String heading = "COMMUNE".equals(level) ? "Xã/phường (" + areas.size() + ")"
                : "DISTRICT".equals(level) ? "Huyện/thành phố (" + areas.size() + ")" : "Địa bàn";
        List<String> listed = new ArrayList<>();
        areas.forEach(a -> listed.add(a.path("level").asText() + " " + nameOf(a) + " (" + a.path("code").asText() + ")"));
        JsonNode coverage = doc.path("coverage");
        String total = "Độ bao phủ: " + coverage.path("communesWithActiveClub").asLong() + "/" + coverage.path("communes").asLong()
                + " xã/phường có CLB hoạt động (" + percent(coverage.path("share")) + ")";
        List<String> former = new ArrayList<>();
        coverage.path("formerDistricts").forEach(d -> former.add(nameOf(d) + "|" + d.path("communes").asLong() + "|"
                + d.path("communesWithActiveClub").asLong() + "|" + percent(d.path("share"))));
        long awaiting = doc.path("clubsAwaitingSuccessor").asLong();
        return String.join("\n", doc.path("asOf").asText(), heading, String.join("; ", listed), total, String.join("; ", former),
                awaiting > 0 ? "CLB chờ xác định xã kế thừa: " + awaiting : "");
    }

    private static String nameOf(JsonNode area) {
        return area.hasNonNull("name") ? area.get("name").asText() : area.path("code").asText();
    }

    /** A share of 0–1 (4 decimals) as the page writes it: a percent with at most one decimal and a decimal comma. */
    private static String percent(JsonNode share) {
        if (share.isMissingNode() || share.isNull()) {
            return "—";
        }
        long tenths = Math.round(Math.round(share.asDouble() * 10_000) / 10.0);
        return (tenths / 10) + (tenths % 10 == 0 ? "" : "," + (tenths % 10)) + "%";
    }

    /** The code of the commune the named club is listed in, or null. */
    private static String communeOf(JsonNode communes, String clubName) {
        for (JsonNode commune : communes.path("communes")) {
            for (JsonNode club : commune.path("clubs")) {
                if (clubName.equals(club.path("name").asText())) {
                    return commune.path("code").asText();
                }
            }
        }
        return null;
    }

    private static JsonNode get(String token, String url) throws Exception {
        String body = given().auth().oauth2(token).header("Accept-Language", "vi").get(url).then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    @Test
    void eachDistrictShowsItsPlanToDateAndItsReportForThePeriodAndTheChartsThePlan() throws Exception {
        Suite suite = Suite.get();
        String programme = suite.reporting.baseUrl() + "/api/v1/programmes/TN-ISHC-2017-2020";
        String officer = suite.token("district-officer", "165");
        String admin = suite.token("province-admin", null);
        String plan = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("districtCode", "165", "years", java.util.List.of(
                        Map.of("year", 2018, "newClubs", 3, "maintainedClubs", 1, "olderMembers", 120, "contributionsVnd", 20_000_000),
                        Map.of("year", 2019, "newClubs", 4, "maintainedClubs", 1, "olderMembers", 300, "contributionsVnd", 30_000_000))))
                .post(programme + "/district-plans").then().statusCode(201).extract().path("id");
        String planPath = suite.reporting.baseUrl() + "/api/v1/district-plans/" + plan;
        given().auth().oauth2(officer).header("If-Match", "\"1\"").post(planPath + "/submission").then().statusCode(200);
        given().auth().oauth2(admin).header("If-Match", "\"2\"").post(planPath + "/approval").then().statusCode(200);
        String report = given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("districtCode", "165"))
                .post(programme + "/report-periods/2019-H1/district-reports").then().statusCode(201).extract().path("id");
        String reportPath = suite.reporting.baseUrl() + "/api/v1/district-reports/" + report;
        given().auth().oauth2(officer).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(Map.of("results", "Thành lập 2 CLB."))
                .put(reportPath + "/narrative").then().statusCode(200);
        given().auth().oauth2(officer).header("If-Match", "\"2\"").post(reportPath + "/submission").then().statusCode(200);

        Path work = Path.of("target", "e2e", "browser-cycle").toAbsolutePath();
        try (HeadlessChromium browser = HeadlessChromium.open(
                suite.reporting.baseUrl() + "/#token=" + suite.token("viewer", null), work.resolve("profile"))) {
            browser.viewport(1280, 900);
            browser.waitFor(PROVINCE_AS_OF, v -> true, Duration.ofSeconds(20));
            browser.evaluate("(() => { const p = document.getElementById('date-picker'); p.value = '2019-06-30';"
                    + " p.dispatchEvent(new Event('change')); })()");
            browser.waitFor(PROVINCE_AS_OF, "2019-06-30"::equals, Duration.ofSeconds(10));
            String status = browser.waitFor("(document.querySelector('article[data-code=\"165\"] .report-status .status') || {}).textContent || ''",
                    v -> v.contains("2019"), Duration.ofSeconds(10));
            assertEquals("Báo cáo 6 tháng đầu năm 2019: đã gửi, chờ duyệt (muộn)", status, "submitted years after its due date");
            String planLine = browser.evaluate("document.querySelector('article[data-code=\"165\"] .plan').textContent");
            assertTrue(planLine.startsWith("Kế hoạch đến hết năm 2019: 8 CLB"), planLine);
            String province = browser.evaluate("document.querySelector('#province .report-status').textContent");
            assertTrue(province.startsWith("Báo cáo 6 tháng đầu năm 2019: đã duyệt 0/9 huyện"), province);
            String planned = browser.waitFor("String(document.querySelectorAll('#chart-clubs polyline.plan').length)", "1"::equals,
                    Duration.ofSeconds(10));
            assertEquals("1", planned, "the approved plans are drawn on the clubs chart");
            // the figures on screen and the period's province report as workbooks, fetched with the token
            browser.evaluate("(() => { URL.createObjectURL = (b) => { window.downloaded = b; return 'blob:x'; };"
                    + " HTMLAnchorElement.prototype.click = function () { window.savedAs = this.download; }; })()");
            browser.evaluate("document.getElementById('download-xlsx').click()");
            String saved = browser.waitFor("window.savedAs || ''", v -> !v.isEmpty(), Duration.ofSeconds(10));
            assertEquals("tien-do-TN-ISHC-2017-2020-2019-06-30.xlsx", saved);
            assertEquals("80,75", browser.evaluate("window.downloaded.arrayBuffer().then(b => Array.from(new Uint8Array(b).slice(0, 2)).join(','))"),
                    "a zip (xlsx) file: PK");
            browser.evaluate("window.savedAs = ''; document.getElementById('province-report').click()");
            assertEquals("bao-cao-TN-ISHC-2017-2020-2019-H1.xlsx", browser.waitFor("window.savedAs || ''", v -> !v.isEmpty(), Duration.ofSeconds(10)));
            browser.screenshot(work.resolve("dashboard-cycle.png"));
        }
    }
}
