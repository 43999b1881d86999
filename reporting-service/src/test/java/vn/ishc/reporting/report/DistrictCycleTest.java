package vn.ishc.reporting.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.config.Topics;
import vn.ishc.reporting.support.FundingEvents;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.kafka.TopicReader;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The programme cycle against the real stack: a district's plan and its periodic report, each taken
 * through every step and every refusal, with the figures a report shows and keeps.
 */
@QuarkusTest
class DistrictCycleTest {

    static final String ADMIN = Tokens.provinceAdmin();
    static final String DISTRICT = "167";
    static final String OTHER = "168";
    static final String OFFICER = Tokens.districtOfficer(DISTRICT);

    String programme;

    @BeforeEach
    void programmeWithTargets() {
        for (String code : List.of(DISTRICT, OTHER)) {
            EventSender.send(Topics.ADMIN_UNITS, code, RegistryEvents.adminUnit(code, "Huyện " + code, "Huyện " + code, "DISTRICT", "huyen", "19").toString());
        }
        programme = "TN-CYCLE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", programme, "name", "Chương trình thử chu trình", "startsOn", "2017-01-01", "endsOn", "2020-12-31"))
                .post("/api/v1/programmes").then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("province", Map.of("clubs", 40, "olderMembers", 1500, "contributionsVnd", 200_000_000),
                        "districts", List.of(Map.of("code", DISTRICT, "clubs", 20, "olderMembers", 750, "contributionsVnd", 100_000_000))))
                .put("/api/v1/programmes/" + programme + "/targets").statusCode() == 200);
    }

    @Test
    void aPlanIsDraftedSubmittedReturnedApprovedAndRevised() throws Exception {
        List<Map<String, Object>> years = List.of(year(2017, 5, 2, 250, 30_000_000), year(2018, 8, 2, 500, 40_000_000),
                year(2019, 3, 2, 650, 20_000_000), year(2020, 2, 2, 750, 10_000_000));
        // refusals first: another district's officer, a year outside the programme, an unknown district
        given().auth().oauth2(Tokens.districtOfficer(OTHER)).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT, "years", years))
                .post(plans()).then().statusCode(403);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT, "years", List.of(year(2021, 1, 1, 1, 1))))
                .post(plans()).then().statusCode(400).body("errors[0].field", equalTo("years[0].year"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("districtCode", "999", "years", years))
                .post(plans()).then().statusCode(400).body("errors[0].field", equalTo("districtCode"));

        Response created = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT, "years", years))
                .post(plans());
        created.then().statusCode(201).body("status", equalTo("DRAFT")).body("revision", equalTo(1)).body("totals.newClubs", equalTo(18));
        String id = created.path("id");
        String plan = "/api/v1/district-plans/" + id;
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT, "years", years))
                .post(plans()).then().statusCode(409);
        given().auth().oauth2(Tokens.viewer()).get(plan).then().statusCode(404);
        given().auth().oauth2(Tokens.districtOfficer(OTHER)).get(plan).then().statusCode(404);

        given().auth().oauth2(ADMIN).header("If-Match", etag(plan)).post(plan + "/approval").then().statusCode(409)
                .body("detail", containsString("DRAFT"));
        given().auth().oauth2(OFFICER).post(plan + "/submission").then().statusCode(428);
        given().auth().oauth2(OFFICER).header("If-Match", "\"99\"").post(plan + "/submission").then().statusCode(412);
        given().auth().oauth2(OFFICER).header("If-Match", etag(plan)).post(plan + "/submission").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(OFFICER).header("If-Match", etag(plan)).post(plan + "/approval").then().statusCode(403);
        given().auth().oauth2(OFFICER).header("If-Match", etag(plan)).contentType(ContentType.JSON).body(Map.of("years", years))
                .put(plan + "/years").then().statusCode(409);
        given().auth().oauth2(ADMIN).header("If-Match", etag(plan)).contentType(ContentType.JSON).body(Map.of("comment", " "))
                .post(plan + "/return").then().statusCode(400);
        given().auth().oauth2(ADMIN).header("If-Match", etag(plan)).contentType(ContentType.JSON)
                .body(Map.of("comment", "Năm 2020 cần thêm câu lạc bộ.")).post(plan + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("returnComment", equalTo("Năm 2020 cần thêm câu lạc bộ."));

        List<Map<String, Object>> better = List.of(years.get(0), years.get(1), years.get(2), year(2020, 4, 2, 750, 10_000_000));
        given().auth().oauth2(OFFICER).header("If-Match", etag(plan)).contentType(ContentType.JSON).body(Map.of("years", better))
                .put(plan + "/years").then().statusCode(200).body("totals.newClubs", equalTo(20));
        given().auth().oauth2(OFFICER).header("If-Match", etag(plan)).post(plan + "/submission").then().statusCode(200);
        given().auth().oauth2(ADMIN).header("If-Match", etag(plan)).post(plan + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("test-province-admin"));
        given().auth().oauth2(Tokens.viewer()).get(plan).then().statusCode(200);
        given().auth().oauth2(OFFICER).header("If-Match", etag(plan)).contentType(ContentType.JSON).body(Map.of("years", better))
                .put(plan + "/years").then().statusCode(409);

        // The approved plan stands for 20 new + 2 maintained clubs; the district's target is 20 clubs.
        JsonPath coverage = given().auth().oauth2(Tokens.viewer()).get(plans() + "/coverage").then().statusCode(200).extract().jsonPath();
        String mine = "districts.find { it.code == '" + DISTRICT + "' }";
        assertEquals(1, coverage.getInt(mine + ".approvedRevision"));
        assertEquals(22, coverage.getInt(mine + ".whole.newClubs") + coverage.getInt(mine + ".whole.maintainedClubs"));
        assertFalse(coverage.getBoolean(mine + ".matchesTarget.clubs"), "22 planned clubs against a target of 20");
        assertTrue(coverage.getBoolean(mine + ".matchesTarget.olderMembers"));
        assertTrue(coverage.getBoolean(mine + ".matchesTarget.contributionsVnd"));
        assertTrue(coverage.getList("withoutApprovedPlan").contains(OTHER));
        assertEquals(8, coverage.getInt("perYear.find { it.year == 2018 }.newClubs"));
        assertFalse(coverage.getBoolean("addsUp.clubs"));

        // A change is a new revision, started from the approved one; approving it supersedes (and keeps) the old one.
        Response revised = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT)).post(plans());
        revised.then().statusCode(201).body("revision", equalTo(2)).body("years.size()", equalTo(4));
        String second = "/api/v1/district-plans/" + revised.path("id");
        given().auth().oauth2(OFFICER).header("If-Match", etag(second)).contentType(ContentType.JSON)
                .body(Map.of("years", List.of(years.get(0), years.get(1), years.get(2), year(2020, 2, 2, 750, 10_000_000))))
                .put(second + "/years").then().statusCode(200);
        given().auth().oauth2(OFFICER).header("If-Match", etag(second)).post(second + "/submission").then().statusCode(200);
        given().auth().oauth2(ADMIN).header("If-Match", etag(second)).post(second + "/approval").then().statusCode(200);
        given().auth().oauth2(ADMIN).get(plan).then().statusCode(200).body("status", equalTo("SUPERSEDED"));
        assertTrue(given().auth().oauth2(Tokens.viewer()).get(plans() + "/coverage").then().extract().jsonPath()
                .getBoolean(mine + ".matchesTarget.clubs"), "18 new + 2 maintained = 20");

        List<String> steps = given().auth().oauth2(ADMIN).get(plan + "/history").then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("CREATED", "SUBMITTED", "RETURNED", "YEARS_CHANGED", "SUBMITTED", "APPROVED", "SUPERSEDED"), steps);

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil(vn.ishc.reporting.events.Topics.DISTRICT_REPORTS,
                records -> records.stream().filter(r -> r.value().contains(id)).count() >= 7, Duration.ofSeconds(30));
        List<String> statuses = events.stream().filter(r -> r.value().contains(id)).map(r -> JsonPath.from(r.value()).getString("data.status")).toList();
        assertEquals(List.of("DRAFT", "SUBMITTED", "RETURNED", "RETURNED", "SUBMITTED", "APPROVED", "SUPERSEDED"), statuses);
        assertEquals(programme + "/" + DISTRICT + "/plan", events.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow().key());
        com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/META-INF/resources/schemas/district-review.v1.json")),
                        com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(java.util.Set.of(), schema.validate(event.value(), com.networknt.schema.InputFormat.JSON), "published as its schema says");
        }
    }

    @Test
    void aReportIsPrefilledFrozenOnSubmissionReturnedApprovedAndShowsLaterDifferences() {
        String district = DISTRICT;
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", district))
                .post(periods() + "/2018-Q3/district-reports").then().statusCode(404);
        given().auth().oauth2(Tokens.districtOfficer(OTHER)).contentType(ContentType.JSON).body(Map.of("districtCode", district))
                .post(periods() + "/2018-H1/district-reports").then().statusCode(403);

        // a club established and money received within 2018-H1 (15/12/2017 – 14/06/2018)
        ObjectNode club = RegistryEvents.club(UUID.randomUUID(), 1, district, district + "01", "2018-03-01", null);
        RegistryEvents.member(club, "FEMALE", null, 1950, "POOR", "2018-03-01", null);
        EventSender.send(Topics.CLUB_SNAPSHOTS, club.path("aggregateId").asText(), club.toString());
        UUID money = UUID.randomUUID();
        EventSender.send(Topics.CONTRIBUTIONS, money.toString(),
                FundingEvents.contribution(money, 1, district, 7_000_000, "2018-05-02", null, null).toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> progressOf(district, "2018-06-14").getLong("contributions.receivedVnd") >= 7_000_000);

        Response opened = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", district))
                .post(periods() + "/2018-H1/district-reports");
        opened.then().statusCode(201).body("status", equalTo("DRAFT")).body("figuresFrozen", equalTo(false))
                .body("period.from", equalTo("2017-12-15")).body("period.to", equalTo("2018-06-14")).body("period.dueOn", equalTo("2018-06-20"));
        String report = "/api/v1/district-reports/" + opened.path("id");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", district))
                .post(periods() + "/2018-H1/district-reports").then().statusCode(409);
        given().auth().oauth2(Tokens.viewer()).get(report).then().statusCode(404);

        // pre-filled: the stocks are progress on the cut-off date, the flows are the period's
        JsonPath atCutOff = progressOf(district, "2018-06-14");
        JsonPath draft = given().auth().oauth2(OFFICER).get(report).then().statusCode(200).extract().jsonPath();
        assertEquals(atCutOff.getLong("clubs.active"), draft.getLong("figures.stocks.activeClubs"));
        assertEquals(atCutOff.getLong("members.active"), draft.getLong("figures.stocks.members"));
        assertEquals(atCutOff.getLong("members.older"), draft.getLong("figures.stocks.olderMembers"));
        assertEquals(atCutOff.getLong("members.poor"), draft.getLong("figures.stocks.poor"));
        assertEquals(atCutOff.getLong("contributions.receivedVnd"), draft.getLong("figures.stocks.receivedVndToDate"));
        long receivedBefore = progressOf(district, "2017-12-14").getLong("contributions.receivedVnd");
        assertEquals(atCutOff.getLong("contributions.receivedVnd") - receivedBefore, draft.getLong("figures.flows.receivedVnd"));
        assertTrue(draft.getLong("figures.flows.clubsEstablished") >= 1);
        assertEquals(100_000_000L, draft.getLong("figures.targets.contributionsVnd"));

        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).post(report + "/submission").then().statusCode(400)
                .body("errors[0].field", equalTo("narrative.results"));
        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).contentType(ContentType.JSON)
                .body(Map.of("results", "Thành lập mới 1 CLB.", "difficulties", "Kinh phí còn hạn chế."))
                .put(report + "/narrative").then().statusCode(200).body("narrative.results", equalTo("Thành lập mới 1 CLB."));
        given().auth().oauth2(ADMIN).header("If-Match", etag(report)).post(report + "/approval").then().statusCode(409);
        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).post(report + "/submission").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("figuresFrozen", equalTo(true));
        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).contentType(ContentType.JSON).body(Map.of("results", "Sửa"))
                .put(report + "/narrative").then().statusCode(409);
        given().auth().oauth2(ADMIN).header("If-Match", etag(report)).contentType(ContentType.JSON)
                .body(Map.of("comment", "Bổ sung khó khăn về địa bàn.")).post(report + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("figuresFrozen", equalTo(false));
        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).contentType(ContentType.JSON)
                .body(Map.of("results", "Thành lập mới 1 CLB.", "difficulties", "Kinh phí còn hạn chế; địa bàn rộng."))
                .put(report + "/narrative").then().statusCode(200);
        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).post(report + "/submission").then().statusCode(200);
        given().auth().oauth2(ADMIN).header("If-Match", etag(report)).post(report + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("differences.size()", equalTo(0));
        JsonPath approved = given().auth().oauth2(Tokens.viewer()).get(report).then().statusCode(200).extract().jsonPath();
        long frozenClubs = approved.getLong("figures.stocks.activeClubs");

        // a late registration inside the period: the approved figures stay, the difference shows
        ObjectNode late = RegistryEvents.club(UUID.randomUUID(), 1, district, district + "02", "2018-04-01", null);
        EventSender.send(Topics.CLUB_SNAPSHOTS, late.path("aggregateId").asText(), late.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(ADMIN).get(report).then().extract().jsonPath()
                .getList("differences.figure").contains("stocks.activeClubs"));
        JsonPath differing = given().auth().oauth2(ADMIN).get(report).then().extract().jsonPath();
        assertEquals(frozenClubs, differing.getLong("figures.stocks.activeClubs"), "frozen figures stay frozen");
        assertEquals(frozenClubs + 1, differing.getLong("differences.find { it.figure == 'stocks.activeClubs' }.live"));

        // the province asks for an amended report: a new draft revision, the approved one kept in force
        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).contentType(ContentType.JSON).body(Map.of("comment", "x"))
                .post(report + "/amendment").then().statusCode(403);
        Response amendment = given().auth().oauth2(ADMIN).header("If-Match", etag(report)).contentType(ContentType.JSON)
                .body(Map.of("comment", "Cập nhật CLB đăng ký muộn.")).post(report + "/amendment");
        amendment.then().statusCode(201).body("revision", equalTo(2)).body("status", equalTo("DRAFT"))
                .body("narrative.results", equalTo("Thành lập mới 1 CLB.")).body("figures.stocks.activeClubs", equalTo((int) frozenClubs + 1));
        given().auth().oauth2(ADMIN).header("If-Match", etag(report)).contentType(ContentType.JSON).body(Map.of("comment", "lần nữa"))
                .post(report + "/amendment").then().statusCode(409);
        given().auth().oauth2(Tokens.viewer()).get(report).then().statusCode(200).body("status", equalTo("APPROVED"));
        // the amendment goes through review like any report; once approved, it replaces (and keeps) the first
        String second = "/api/v1/district-reports/" + amendment.path("id");
        given().auth().oauth2(OFFICER).header("If-Match", etag(second)).post(second + "/submission").then().statusCode(200)
                .body("figures.stocks.activeClubs", equalTo((int) frozenClubs + 1));
        given().auth().oauth2(ADMIN).header("If-Match", etag(second)).post(second + "/approval").then().statusCode(200);
        given().auth().oauth2(ADMIN).get(report).then().body("status", equalTo("SUPERSEDED"));
        given().auth().oauth2(ADMIN).header("If-Match", etag(report)).contentType(ContentType.JSON).body(Map.of("comment", "x"))
                .post(report + "/amendment").then().statusCode(409);
        assertEquals(2, given().auth().oauth2(Tokens.viewer()).get(periods() + "/2018-H1/province-report").then().statusCode(200)
                .extract().jsonPath().getInt("districts.find { it.code == '" + district + "' }.revision"));

        JsonPath period = given().auth().oauth2(Tokens.viewer()).get(periods() + "/2018-H1").then().statusCode(200).extract().jsonPath();
        String mine = "districts.find { it.code == '" + district + "' }";
        assertEquals("APPROVED", period.getString(mine + ".status"));
        assertFalse(period.getBoolean(mine + ".amending"));
        assertEquals(2, period.getInt(mine + ".revision"));
        assertTrue(period.getBoolean(mine + ".late"), "submitted years after 20/06/2018");
        assertEquals("NOT_STARTED", period.getString("districts.find { it.code == '" + OTHER + "' }.status"));

        List<String> steps = given().auth().oauth2(ADMIN).get(report + "/history").then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(List.of("OPENED", "NARRATIVE_CHANGED", "SUBMITTED", "RETURNED", "NARRATIVE_CHANGED", "SUBMITTED", "APPROVED", "SUPERSEDED"), steps);
    }

    @Test
    void periodsFollowTheDecreeAndAReportWaitsForItsCutOff() {
        JsonPath periods = given().auth().oauth2(Tokens.viewer()).get(periods()).then().statusCode(200).extract().jsonPath();
        assertEquals(8, periods.getList("code").size());
        assertEquals("2019-12-14", periods.getString("find { it.code == '2019-Y' }.to"));
        // calendar periods, chosen before the first report; once a report exists, the periods stay
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("periodScheme", "CALENDAR", "dueDaysAfterCutOff", 10))
                .put("/api/v1/programmes/" + programme + "/report-settings").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("periodScheme", "CALENDAR", "dueDaysAfterCutOff", 91))
                .put("/api/v1/programmes/" + programme + "/report-settings").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("periodScheme", "CALENDAR", "dueDaysAfterCutOff", 10))
                .put("/api/v1/programmes/" + programme + "/report-settings").then().statusCode(200);
        JsonPath calendar = given().auth().oauth2(Tokens.viewer()).get(periods()).then().statusCode(200).extract().jsonPath();
        assertEquals("2019-01-01", calendar.getString("find { it.code == '2019-Y' }.from"));
        assertEquals("2020-01-10", calendar.getString("find { it.code == '2019-Y' }.dueOn"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT))
                .post(periods() + "/2019-H1/district-reports").then().statusCode(201).body("period.to", equalTo("2019-06-30"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("periodScheme", "DECREE_09", "dueDaysAfterCutOff", 6))
                .put("/api/v1/programmes/" + programme + "/report-settings").then().statusCode(409);

        String future = "TN-FUTURE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", future, "name", "Chương trình tương lai", "startsOn", "2026-01-01", "endsOn", "2030-12-31"))
                .post("/api/v1/programmes").then().statusCode(201);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT))
                .post("/api/v1/programmes/" + future + "/report-periods/2030-Y/district-reports").then().statusCode(409)
                .body("detail", containsString("2030-12-14"));
    }

    @Test
    void progressShowsThePlanToDateAndItsAttainmentAndTheSeriesPlanAgainstActualPerYear() throws Exception {
        approvedPlan(DISTRICT, List.of(year(2017, 2, 1, 100, 10_000_000), year(2018, 4, 1, 300, 20_000_000)));
        JsonPath mid2018 = progressOf(DISTRICT, "2018-06-30");
        assertEquals(2018, mid2018.getInt("plan.throughYear"));
        assertEquals(6, mid2018.getInt("plan.newClubs"));
        assertEquals(1, mid2018.getInt("plan.maintainedClubs"));
        assertEquals(300, mid2018.getInt("plan.olderMembers"));
        assertEquals(30_000_000L, mid2018.getLong("plan.contributionsVnd"));
        long clubs = mid2018.getLong("clubs.active");
        assertEquals(Math.round(clubs * 1000.0 / 7) / 10.0, mid2018.getDouble("attainmentOfPlan.clubs"), 0.001);
        assertNull(progressOf(OTHER, "2018-06-30").get("plan"), "no plan, no plan figures");
        assertNull(progressOf(OTHER, "2018-06-30").get("attainmentOfPlan"));

        JsonPath series = given().auth().oauth2(Tokens.viewer()).queryParam("period", "YEAR").queryParam("from", "2017-01-01").queryParam("to", "2019-12-31")
                .get("/api/v1/programmes/" + programme + "/progress/series").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2017-12-31", "2018-12-31", "2019-12-31"), series.getList("points.asOf"));
        String district = "districts.find { it.code == '" + DISTRICT + "' }";
        assertEquals(2, series.getInt("points[0]." + district + ".plan.newClubs"));
        assertEquals(6, series.getInt("points[1]." + district + ".plan.newClubs"));
        assertEquals(6, series.getInt("points[2]." + district + ".plan.newClubs"), "the plan ends in 2018: its whole to later years");
        assertEquals(6, series.getInt("points[1].province.plan.newClubs"), "the province's plan is its districts' summed");

        // the same figures as files to download
        byte[] xlsx = given().auth().oauth2(Tokens.viewer()).queryParam("asOf", "2018-06-30")
                .get("/api/v1/programmes/" + programme + "/progress/table.xlsx").then().statusCode(200).extract().asByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row row = null;
            for (org.apache.poi.ss.usermodel.Row candidate : sheet) {
                if (DISTRICT.equals(candidate.getCell(0).getStringCellValue())) {
                    row = candidate;
                }
            }
            assertEquals(7, row.getCell(vn.ishc.reporting.progress.ProgressTableHeaders.index("Kế hoạch CLB")).getNumericCellValue());
            assertEquals(clubs, (long) row.getCell(vn.ishc.reporting.progress.ProgressTableHeaders.index("CLB đang hoạt động")).getNumericCellValue());
            assertEquals("19", sheet.getRow(1).getCell(0).getStringCellValue(), "the province first");
        }
        String csv = new String(given().auth().oauth2(Tokens.viewer()).queryParam("period", "YEAR").queryParam("from", "2017-01-01")
                .queryParam("to", "2019-12-31").get("/api/v1/programmes/" + programme + "/progress/series/table.csv").then().statusCode(200)
                .extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\ufeffNgày,Mã,Tên,CLB đang hoạt động"), csv);
        assertTrue(csv.contains("\r\n31/12/2018," + DISTRICT + ","), csv);
    }

    @Test
    void moneyReceivedAfterTheProgrammeEndsCountsTowardNothing() {
        long atEnd = progressOf(OTHER, "2020-12-31").getLong("contributions.receivedVnd");
        UUID late = UUID.randomUUID();
        EventSender.send(Topics.CONTRIBUTIONS, late.toString(), FundingEvents.contribution(late, 1, OTHER, 3_000_000, "2021-02-01", null, null).toString());
        UUID inTime = UUID.randomUUID();
        EventSender.send(Topics.CONTRIBUTIONS, inTime.toString(), FundingEvents.contribution(inTime, 1, OTHER, 2_000_000, "2020-12-30", null, null).toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> progressOf(OTHER, "2020-12-31").getLong("contributions.receivedVnd") == atEnd + 2_000_000);
        assertEquals(atEnd + 2_000_000, progressOf(OTHER, "2021-06-01").getLong("contributions.receivedVnd"));
    }

    @Test
    void theProvinceReportHoldsEachDistrictsApprovedFiguresAndItsWorkbookAndPageSayTheSame() throws Exception {
        approvedPlan(DISTRICT, List.of(year(2017, 2, 1, 100, 10_000_000), year(2018, 4, 1, 300, 20_000_000)));
        String id = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT))
                .post(periods() + "/2018-Y/district-reports").then().statusCode(201).extract().path("id");
        String report = "/api/v1/district-reports/" + id;
        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).contentType(ContentType.JSON)
                .body(Map.of("results", "Thành lập mới 4 CLB trong năm.", "proposals", "Tập huấn cho ban chủ nhiệm.")).put(report + "/narrative")
                .then().statusCode(200);
        given().auth().oauth2(OFFICER).header("If-Match", etag(report)).post(report + "/submission").then().statusCode(200);
        given().auth().oauth2(ADMIN).header("If-Match", etag(report)).post(report + "/approval").then().statusCode(200);

        String json = given().auth().oauth2(Tokens.viewer()).get(periods() + "/2018-Y/province-report").then().statusCode(200).extract().asString();
        JsonPath province = JsonPath.from(json);
        String mine = "districts.find { it.code == '" + DISTRICT + "' }";
        assertEquals("APPROVED_REPORT", province.getString(mine + ".source"));
        assertEquals("Tập huấn cho ban chủ nhiệm.", province.getString(mine + ".narrative.proposals"));
        assertEquals("LIVE_FIGURES", province.getString("districts.find { it.code == '" + OTHER + "' }.source"));
        long summed = province.getList("districts.figures.stocks.activeClubs", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(summed, province.getLong("total.figures.stocks.activeClubs"));

        byte[] xlsx = given().auth().oauth2(Tokens.viewer()).get(periods() + "/2018-Y/province-report.xlsx").then().statusCode(200)
                .header("Content-Type", containsString("spreadsheetml")).extract().asByteArray();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode api = mapper.readTree(json);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet(ProvinceWorkbook.FIGURES_SHEET);
            int rows = api.path("districts").size();
            for (int i = 0; i <= rows; i++) {
                com.fasterxml.jackson.databind.JsonNode row = i < rows ? api.path("districts").get(i) : api.path("total");
                ReportFigures figures = mapper.treeToValue(row.path("figures"), ReportFigures.class);
                org.apache.poi.ss.usermodel.Row cells = sheet.getRow(ProvinceWorkbook.HEADER_ROW + 1 + i);
                assertTrue(cells.getCell(1).getStringCellValue().startsWith(i < rows ? row.path("name").asText() : "Toàn tỉnh"));
                for (int c = 0; c < ProvinceWorkbook.COLUMNS.size(); c++) {
                    Number expected = ProvinceWorkbook.COLUMNS.get(c).value().apply(figures);
                    org.apache.poi.ss.usermodel.Cell cell = cells.getCell(c + 3);
                    String where = "row " + i + ", " + ProvinceWorkbook.COLUMNS.get(c).header();
                    if (expected == null) {
                        assertEquals(org.apache.poi.ss.usermodel.CellType.BLANK, cell.getCellType(), where);
                    } else {
                        assertEquals(expected.doubleValue(), cell.getNumericCellValue(), 0.0001, where);
                    }
                }
            }
            org.apache.poi.ss.usermodel.Sheet texts = workbook.getSheet(ProvinceWorkbook.NARRATIVE_SHEET);
            boolean found = false;
            for (org.apache.poi.ss.usermodel.Row row : texts) {
                found |= row.getCell(5) != null && "Tập huấn cho ban chủ nhiệm.".equals(row.getCell(5).getStringCellValue());
            }
            assertTrue(found, "the district's proposals are on the narrative sheet");
        }

        String page = given().auth().oauth2(Tokens.viewer()).get(periods() + "/2018-Y/province-report.html").then().statusCode(200)
                .header("Content-Type", containsString("text/html")).extract().asString();
        assertTrue(page.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && page.contains("Độc lập - Tự do - Hạnh phúc"));
        assertTrue(page.contains("BÁO CÁO KẾT QUẢ NHÂN RỘNG MÔ HÌNH CÂU LẠC BỘ LIÊN THẾ HỆ TỰ GIÚP NHAU NĂM 2018"));
        assertTrue(page.contains("số liệu từ 15/12/2017 đến 14/12/2018"));
        assertTrue(page.contains("Tập huấn cho ban chủ nhiệm."));
        assertTrue(page.contains("GIÁM ĐỐC"));
        given().auth().oauth2(Tokens.viewer()).get(periods() + "/2031-Y/province-report.xlsx").then().statusCode(404);
        assertNull(province.get("wholeProgramme"), "only the last year's annual report is the final review");
        JsonPath finalReview = given().auth().oauth2(Tokens.viewer()).get(periods() + "/2020-Y/province-report").then().statusCode(200)
                .extract().jsonPath();
        JsonPath atEnd = given().auth().oauth2(ADMIN).queryParam("asOf", "2020-12-31").get("/api/v1/programmes/" + programme + "/progress")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(atEnd.getLong("province.clubs.active"), finalReview.getLong("wholeProgramme.clubs.active"));
        assertEquals(atEnd.getLong("province.contributions.receivedVnd"), finalReview.getLong("wholeProgramme.contributions.receivedVnd"));
    }

    @Test
    void everyWriteIsRefusedOutsideTheCallersScopeAndChangesNothing() {
        String other = Tokens.districtOfficer(OTHER);
        String viewer = Tokens.viewer();
        String plan = "/api/v1/district-plans/" + given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("districtCode", DISTRICT, "years", List.of(year(2018, 1, 0, 10, 0)))).post(plans()).then().statusCode(201)
                .extract().path("id");
        String report = "/api/v1/district-reports/" + given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("districtCode", DISTRICT)).post(periods() + "/2018-H1/district-reports").then().statusCode(201).extract().path("id");
        String planTag = etag(plan);
        String reportTag = etag(report);
        Map<String, Object> years = Map.of("years", List.of(year(2018, 9, 9, 9, 9)));
        Map<String, Object> narrative = Map.of("results", "Không được ghi");
        Map<String, Object> comment = Map.of("comment", "Không được");
        // another district's officer: the draft is not theirs to see (404); a viewer may not write at all (403)
        for (String[] call : new String[][] {{other, "404"}, {viewer, "403"}}) {
            int status = Integer.parseInt(call[1]);
            given().auth().oauth2(call[0]).header("If-Match", planTag).contentType(ContentType.JSON).body(years).put(plan + "/years").then().statusCode(status);
            given().auth().oauth2(call[0]).header("If-Match", planTag).post(plan + "/submission").then().statusCode(status);
            given().auth().oauth2(call[0]).header("If-Match", reportTag).contentType(ContentType.JSON).body(narrative).put(report + "/narrative")
                    .then().statusCode(status);
            given().auth().oauth2(call[0]).header("If-Match", reportTag).post(report + "/submission").then().statusCode(status);
        }
        for (String token : new String[] {other, viewer}) {
            given().auth().oauth2(token).header("If-Match", planTag).post(plan + "/approval").then().statusCode(403);
            given().auth().oauth2(token).header("If-Match", planTag).contentType(ContentType.JSON).body(comment).post(plan + "/return").then().statusCode(403);
            given().auth().oauth2(token).header("If-Match", reportTag).post(report + "/approval").then().statusCode(403);
            given().auth().oauth2(token).header("If-Match", reportTag).contentType(ContentType.JSON).body(comment).post(report + "/return").then().statusCode(403);
            given().auth().oauth2(token).header("If-Match", reportTag).contentType(ContentType.JSON).body(comment).post(report + "/amendment").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("periodScheme", "CALENDAR", "dueDaysAfterCutOff", 1))
                    .put("/api/v1/programmes/" + programme + "/report-settings").then().statusCode(403);
        }
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(Map.of("districtCode", DISTRICT, "years", List.of(year(2018, 1, 0, 1, 0))))
                .post(plans()).then().statusCode(403);
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(Map.of("districtCode", OTHER))
                .post(periods() + "/2018-H1/district-reports").then().statusCode(403);
        assertEquals(planTag, etag(plan), "the plan is unchanged");
        assertEquals(reportTag, etag(report), "the report is unchanged");
        given().auth().oauth2(ADMIN).get(plan).then().body("status", equalTo("DRAFT")).body("years[0].newClubs", equalTo(1));
        given().auth().oauth2(ADMIN).get(report).then().body("status", equalTo("DRAFT")).body("narrative.results", nullValue());
    }

    private void approvedPlan(String district, List<Map<String, Object>> years) {
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("districtCode", district, "years", years))
                .post(plans()).then().statusCode(201).extract().path("id");
        String plan = "/api/v1/district-plans/" + id;
        given().auth().oauth2(ADMIN).header("If-Match", etag(plan)).post(plan + "/submission").then().statusCode(200);
        given().auth().oauth2(ADMIN).header("If-Match", etag(plan)).post(plan + "/approval").then().statusCode(200);
    }

    private String plans() {
        return "/api/v1/programmes/" + programme + "/district-plans";
    }

    private String periods() {
        return "/api/v1/programmes/" + programme + "/report-periods";
    }

    private JsonPath progressOf(String district, String asOf) {
        JsonPath progress = given().auth().oauth2(ADMIN).queryParam("asOf", asOf).get("/api/v1/programmes/" + programme + "/progress")
                .then().statusCode(200).extract().jsonPath();
        return JsonPath.from(toJson(progress.get("districts.find { it.code == '" + district + "' }")));
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String etag(String path) {
        return given().auth().oauth2(ADMIN).get(path).then().statusCode(200).extract().header("ETag");
    }

    private static Map<String, Object> year(int year, long newClubs, long maintained, long older, long vnd) {
        return Map.of("year", year, "newClubs", newClubs, "maintainedClubs", maintained, "olderMembers", older, "contributionsVnd", vnd);
    }
}
