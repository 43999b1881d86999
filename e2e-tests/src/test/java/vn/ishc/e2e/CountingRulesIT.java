package vn.ishc.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The counting rules of DESIGN.md, end to end: a scenario of clubs, members, contributions and
 * pledges is registered through registry and funding, and reporting's progress on several dates
 * must move by exactly what this test's own small model of the scenario says — per district, for
 * the province, for every figure, before and after a rebuild — and reconcile with the sources.
 *
 * <p>Other tests share the databases, so every figure is compared as a delta: progress after the
 * scenario minus progress before it. The scenario lives in districts 168 (Phú Lương) and 169
 * (Đồng Hỷ), plus province-level money.
 */
class CountingRulesIT {

    private static final String PROGRAMME = "TN-ISHC-2017-2020";
    private static final String PROGRESS = "/api/v1/programmes/" + PROGRAMME + "/progress";
    private static final LocalDate PROGRAMME_START = LocalDate.of(2017, 1, 1);
    private static final String PROVINCE = "19";
    private static final String PHU_LUONG = "168";
    private static final String DONG_HY = "169";
    private static final List<String> AREAS = List.of(PROVINCE, PHU_LUONG, DONG_HY);
    private static final List<String> FIGURES = List.of("clubs.active", "clubs.new", "clubs.maintained",
            "members.active", "members.older", "members.women", "members.poor", "members.nearPoor", "members.hardship",
            "contributions.receivedVnd", "contributions.pledgedOutstandingVnd");
    private static final ObjectMapper JSON = new ObjectMapper();

    // The reporting dates, chosen to straddle the edges of the scenario.
    /** Member 8 leaves on this day; club N168 exists, L168 not yet; member 3 has not joined yet. */
    private static final LocalDate MID_2018 = LocalDate.of(2018, 6, 30);
    /** 31 Dec of birthYear 1960 + 59; member 15 leaves on this day. */
    private static final LocalDate EVE_OF_2020 = LocalDate.of(2019, 12, 31);
    /** 1 Jan of birthYear 1960 + 60; club L168 is established and two contributions arrive on this day. */
    private static final LocalDate NEW_YEAR_2020 = LocalDate.of(2020, 1, 1);
    /** The day before the edges below. */
    private static final LocalDate EVE_OF_EDGES = LocalDate.of(2020, 6, 14);
    /** A 60th birthday, a departure, a club closure, two reversals and an over-fulfilment, all on this day. */
    private static final LocalDate EDGES = LocalDate.of(2020, 6, 15);
    private static final List<LocalDate> DATES = List.of(MID_2018, EVE_OF_2020, NEW_YEAR_2020, EVE_OF_EDGES, EDGES);

    // ---- the scenario, which is also the model the expected figures are computed from ----

    /** A club: where, when established, when closed (null: never). */
    record ClubFact(String key, String district, String commune, String name, LocalDate establishedOn, LocalDate closedOn) {
        boolean activeOn(LocalDate d) {
            return !establishedOn.isAfter(d) && (closedOn == null || d.isBefore(closedOn));
        }

        boolean isNew() {
            return !establishedOn.isBefore(PROGRAMME_START);
        }
    }

    /** A member: exactly one of birthDate and birthYear; householdYear only for POOR and NEAR_POOR. */
    record MemberFact(ClubFact club, String fullName, String gender, LocalDate birthDate, Integer birthYear, String household,
                      Integer householdYear, LocalDate joinedOn, LocalDate leftOn) {
        boolean activeOn(LocalDate d) {
            return club.activeOn(d) && !joinedOn.isAfter(d) && (leftOn == null || d.isBefore(leftOn));
        }

        /** 60 or over on d: exact age with a birth date, d's year minus the birth year otherwise. */
        boolean olderOn(LocalDate d) {
            int age = birthDate != null ? Period.between(birthDate, d).getYears() : d.getYear() - birthYear;
            return age >= 60;
        }
    }

    /** A pledge; district null: province level. */
    record PledgeFact(String key, String donor, String district, long amountVnd, LocalDate pledgedOn) {
    }

    /** A contribution; district null and no club: province level; with a club the district is the club's. */
    record MoneyFact(String key, String donor, String form, String district, ClubFact club, PledgeFact pledge, long amountVnd,
                     LocalDate receivedOn, LocalDate reversedOn) {
        boolean countsOn(LocalDate d) {
            return !receivedOn.isBefore(PROGRAMME_START) && !receivedOn.isAfter(d) && (reversedOn == null || d.isBefore(reversedOn));
        }

        String area() {
            return club != null ? club.district() : district;
        }
    }

    private static final String TAG = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));

    private static final ClubFact M168 = new ClubFact("M168", PHU_LUONG, "05614", "CLB Liên thế hệ tự giúp nhau xã Yên Ninh " + TAG,
            LocalDate.of(2016, 9, 10), null);
    private static final ClubFact N168 = new ClubFact("N168", PHU_LUONG, "05638", "CLB Liên thế hệ tự giúp nhau xã Hợp Thành " + TAG,
            LocalDate.of(2018, 3, 1), null);
    private static final ClubFact L168 = new ClubFact("L168", PHU_LUONG, "05641", "CLB Liên thế hệ tự giúp nhau xã Tức Tranh " + TAG,
            NEW_YEAR_2020, null);
    private static final ClubFact M169 = new ClubFact("M169", DONG_HY, "05689", "CLB Liên thế hệ tự giúp nhau xã Cây Thị " + TAG,
            LocalDate.of(2015, 11, 20), EDGES);
    private static final ClubFact N169 = new ClubFact("N169", DONG_HY, "05665", "CLB Liên thế hệ tự giúp nhau xã Văn Lăng " + TAG,
            LocalDate.of(2017, 5, 20), null);
    private static final List<ClubFact> CLUBS = List.of(M168, N168, L168, M169, N169);

    private static final List<MemberFact> MEMBERS = List.of(
            // 1: turns 60 exactly on EDGES
            new MemberFact(M168, "Nguyễn Thị Hoa", "FEMALE", LocalDate.of(1960, 6, 15), null, "NONE", null, LocalDate.of(2016, 10, 1), null),
            // 2: birth year only, older from 1 Jan 2020
            new MemberFact(M168, "Trần Văn Bình", "MALE", null, 1960, "POOR", 2016, LocalDate.of(2017, 3, 1), null),
            // 3: joins after MID_2018
            new MemberFact(M168, "Lê Thị Mai", "FEMALE", LocalDate.of(1945, 2, 3), null, "NEAR_POOR", 2018, LocalDate.of(2018, 7, 1), null),
            // 4: leaves on EDGES
            new MemberFact(M168, "Phạm Văn Đức", "MALE", LocalDate.of(1970, 8, 20), null, "HARDSHIP", null, LocalDate.of(2017, 1, 10), EDGES),
            // 5: young, joined on the day the club was established, before the programme start
            new MemberFact(M168, "Hoàng Thị Lan", "FEMALE", LocalDate.of(1990, 11, 11), null, "NONE", null, LocalDate.of(2016, 9, 10), null),
            // 6: birth year only, older from 1 Jan 2019
            new MemberFact(N168, "Vũ Văn Hùng", "MALE", null, 1959, "POOR", 2018, LocalDate.of(2018, 3, 1), null),
            // 7: turns 60 the day after EDGES
            new MemberFact(N168, "Đặng Thị Thu", "FEMALE", LocalDate.of(1960, 6, 16), null, "NONE", null, LocalDate.of(2018, 4, 1), null),
            // 8: leaves on MID_2018 itself
            new MemberFact(N168, "Bùi Văn Nam", "MALE", LocalDate.of(1955, 1, 1), null, "NONE", null, LocalDate.of(2018, 3, 5), MID_2018),
            // 9: joins a club established on NEW_YEAR_2020, on that day
            new MemberFact(L168, "Ngô Thị Hạnh", "FEMALE", null, 1958, "HARDSHIP", null, NEW_YEAR_2020, null),
            // 10–12: a club closed on EDGES; 12 turns 60 on the closing day
            new MemberFact(M169, "Đỗ Văn Tâm", "MALE", LocalDate.of(1952, 12, 1), null, "POOR", 2016, LocalDate.of(2015, 12, 1), null),
            new MemberFact(M169, "Lý Thị Nga", "FEMALE", null, 1975, "NEAR_POOR", 2019, LocalDate.of(2019, 1, 15), null),
            new MemberFact(M169, "Mai Thị Xuân", "FEMALE", LocalDate.of(1960, 6, 15), null, "NONE", null, LocalDate.of(2017, 6, 1), null),
            // 13–15
            new MemberFact(N169, "Trịnh Văn Long", "MALE", LocalDate.of(1947, 3, 15), null, "HARDSHIP", null, LocalDate.of(2017, 5, 20), null),
            new MemberFact(N169, "Cao Thị Yến", "FEMALE", null, 1961, "NONE", null, LocalDate.of(2019, 3, 1), null),
            new MemberFact(N169, "Dương Thị Kim", "FEMALE", LocalDate.of(1956, 9, 30), null, "POOR", 2017, LocalDate.of(2017, 6, 1), EVE_OF_2020));

    private static final String TEA_COMPANY = "Công ty Cổ phần Chè Phú Lương";
    private static final String RED_CROSS = "Hội Chữ thập đỏ huyện Đồng Hỷ";
    private static final String HELPAGE = "Tổ chức HelpAge International tại Việt Nam";
    private static final Map<String, String> DONOR_TYPES = Map.of(TEA_COMPANY, "BUSINESS", RED_CROSS, "MASS_ORGANIZATION",
            HELPAGE, "INTERNATIONAL");

    /** A district pledge partly fulfilled, and a province-level one fulfilled beyond its amount on EDGES. */
    private static final PledgeFact P_DONG_HY = new PledgeFact("p1", RED_CROSS, DONG_HY, 20_000_000, LocalDate.of(2019, 6, 1));
    private static final PledgeFact P_PROVINCE = new PledgeFact("p2", HELPAGE, null, 50_000_000, LocalDate.of(2017, 3, 1));
    private static final List<PledgeFact> PLEDGES = List.of(P_DONG_HY, P_PROVINCE);

    private static final List<MoneyFact> MONEY = List.of(
            new MoneyFact("c1", TEA_COMPANY, "CASH", PHU_LUONG, null, null, 10_000_000, LocalDate.of(2017, 4, 10), null),
            // district taken from the club
            new MoneyFact("c2", TEA_COMPANY, "IN_KIND", null, N168, null, 7_500_000, LocalDate.of(2019, 8, 20), null),
            // reversed on EDGES
            new MoneyFact("c3", RED_CROSS, "CASH", DONG_HY, null, null, 4_000_000, LocalDate.of(2018, 2, 1), EDGES),
            // received before the programme start: never counts
            new MoneyFact("c4", RED_CROSS, "CASH", DONG_HY, null, null, 3_000_000, LocalDate.of(2016, 12, 31), null),
            // province level: counts for the province only
            new MoneyFact("c5", HELPAGE, "LABOUR", null, null, null, 25_000_000, LocalDate.of(2019, 5, 1), null),
            // received on NEW_YEAR_2020 itself
            new MoneyFact("c6", TEA_COMPANY, "CASH", null, M168, null, 2_000_000, NEW_YEAR_2020, null),
            // fulfil the Đồng Hỷ pledge in part; c9 is reversed on EDGES, so the outstanding amount grows back
            new MoneyFact("c8", RED_CROSS, "CASH", DONG_HY, null, P_DONG_HY, 8_000_000, NEW_YEAR_2020, null),
            new MoneyFact("c9", RED_CROSS, "CASH", DONG_HY, null, P_DONG_HY, 5_000_000, LocalDate.of(2020, 3, 1), EDGES),
            // more than the province pledge: outstanding 0, never negative
            new MoneyFact("c10", HELPAGE, "CASH", null, null, P_PROVINCE, 60_000_000, EDGES, null));

    /** The change the scenario must make to one area's figures on one date, in the order of {@link #FIGURES}. */
    static long[] expected(String area, LocalDate d) {
        List<ClubFact> clubs = CLUBS.stream().filter(c -> in(area, c.district()) && c.activeOn(d)).toList();
        List<MemberFact> members = MEMBERS.stream().filter(m -> in(area, m.club().district()) && m.activeOn(d)).toList();
        long received = MONEY.stream().filter(c -> in(area, c.area()) && c.countsOn(d)).mapToLong(MoneyFact::amountVnd).sum();
        long outstanding = 0;
        for (PledgeFact p : PLEDGES) {
            if (in(area, p.district()) && !p.pledgedOn().isAfter(d)) {
                long fulfilled = MONEY.stream().filter(c -> c.pledge() == p && c.countsOn(d)).mapToLong(MoneyFact::amountVnd).sum();
                outstanding += Math.max(0, p.amountVnd() - fulfilled);
            }
        }
        return new long[] {
                clubs.size(),
                clubs.stream().filter(ClubFact::isNew).count(),
                clubs.stream().filter(c -> !c.isNew()).count(),
                members.size(),
                members.stream().filter(m -> m.olderOn(d)).count(),
                members.stream().filter(m -> m.gender().equals("FEMALE")).count(),
                members.stream().filter(m -> m.household().equals("POOR")).count(),
                members.stream().filter(m -> m.household().equals("NEAR_POOR")).count(),
                members.stream().filter(m -> m.household().equals("HARDSHIP")).count(),
                received,
                outstanding};
    }

    /** The province counts everything, province-level items included; a district only what is in it. */
    private static boolean in(String area, String district) {
        return PROVINCE.equals(area) || area.equals(district);
    }

    private static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.get();
        String viewer = suite.token("viewer", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(viewer, MID_2018).path("districts").size() == 9);
    }

    @Test
    void progressMovesByExactlyWhatTheCountingRulesSayOnEveryDate() throws Exception {
        modelStraddlesEveryEdge();
        String viewer = suite.token("viewer", null);
        String admin = suite.token("province-admin", null);
        Map<LocalDate, Map<String, long[]>> before = settledFigures(viewer);

        registerScenario(admin);

        awaitDeltas("after registration", before, viewer, null);
        for (LocalDate d : DATES) {
            assertReconciles(admin, d, "after registration");
        }

        // Rebuild reporting from the topics: the same figures come back, and still reconcile.
        JsonNode beforeRebuild = progress(viewer, EDGES).path("freshness");
        long generation = given().auth().oauth2(admin).post(suite.reporting.baseUrl() + "/api/v1/admin/rebuild").then().statusCode(202)
                .body("state", equalTo("REPLAYING")).extract().jsonPath().getLong("generation");
        awaitRebuildSwitched(admin, generation);
        awaitDeltas("after rebuild", before, viewer, beforeRebuild);
        for (LocalDate d : DATES) {
            assertReconciles(admin, d, "after rebuild");
        }
    }

    /** The rebuild runs in the background: waits until its shadow projection has replaced the live one. */
    private static void awaitRebuildSwitched(String admin, long generation) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(JSON.readTree(given().auth().oauth2(admin).get(suite.reporting.baseUrl() + "/api/v1/admin/rebuild")
                        .then().statusCode(200).extract().asString()));
                return !"REPLAYING".equals(last.get().path("state").asText());
            });
        } catch (ConditionTimeoutException e) {
            fail("the rebuild was still replaying after 120 s: " + last.get());
        }
        assertEquals(generation, last.get().path("generation").asLong(), "the latest rebuild is ours: " + last.get());
        assertEquals("SWITCHED", last.get().path("state").asText(), "the rebuild ended: " + last.get());
    }

    /** The scenario really sits on both sides of each edge (a guard on the test's own data, not on the services). */
    private static void modelStraddlesEveryEdge() {
        int older = FIGURES.indexOf("members.older");
        int active = FIGURES.indexOf("members.active");
        int clubs = FIGURES.indexOf("clubs.active");
        int received = FIGURES.indexOf("contributions.receivedVnd");
        assertAll("the scenario straddles its edges",
                () -> assertEquals(2, expected(PHU_LUONG, NEW_YEAR_2020)[older] - expected(PHU_LUONG, EVE_OF_2020)[older],
                        "birth year 1960 counts as older from 1 Jan 2020, and member 9 (born 1958) joins that day"),
                () -> assertEquals(1, expected(PHU_LUONG, EDGES)[older] - expected(PHU_LUONG, EVE_OF_EDGES)[older], "60th birthday on EDGES"),
                () -> assertEquals(-1, expected(PHU_LUONG, EDGES)[active] - expected(PHU_LUONG, EVE_OF_EDGES)[active], "member 4 leaves"),
                () -> assertEquals(-1, expected(DONG_HY, EDGES)[clubs] - expected(DONG_HY, EVE_OF_EDGES)[clubs], "club M169 closes"),
                () -> assertEquals(-1, expected(DONG_HY, EDGES)[older] - expected(DONG_HY, EVE_OF_EDGES)[older],
                        "the closed club's older member stops counting; its member turning 60 that day never counts"),
                () -> assertEquals(-9_000_000, expected(DONG_HY, EDGES)[received] - expected(DONG_HY, EVE_OF_EDGES)[received],
                        "c3 and c9 reversed"),
                () -> assertEquals(60_000_000 - 9_000_000, expected(PROVINCE, EDGES)[received] - expected(PROVINCE, EVE_OF_EDGES)[received],
                        "c10 arrives at province level, c3 and c9 reversed"));
    }

    // ---- registering the scenario through the services ----

    private static void registerScenario(String admin) throws Exception {
        Map<String, String> officers = Map.of(PHU_LUONG, suite.token("district-officer", PHU_LUONG),
                DONG_HY, suite.token("district-officer", DONG_HY));
        Map<ClubFact, String> clubIds = new HashMap<>();
        for (ClubFact club : CLUBS) {
            clubIds.put(club, given().auth().oauth2(officers.get(club.district())).contentType(ContentType.JSON)
                    .body(Map.of("name", club.name(), "communeCode", club.commune(), "establishedOn", club.establishedOn().toString()))
                    .post(suite.registry.baseUrl() + "/api/v1/clubs").then().statusCode(201).extract().path("id"));
        }
        for (MemberFact m : MEMBERS) {
            String officer = officers.get(m.club().district());
            String members = suite.registry.baseUrl() + "/api/v1/clubs/" + clubIds.get(m.club()) + "/members";
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fullName", m.fullName());
            body.put("gender", m.gender());
            if (m.birthDate() != null) {
                body.put("birthDate", m.birthDate().toString());
            } else {
                body.put("birthYear", m.birthYear());
            }
            body.put("householdStatus", m.household());
            if (m.householdYear() != null) {
                body.put("householdStatusYear", m.householdYear());
            }
            body.put("joinedOn", m.joinedOn().toString());
            String memberId = given().auth().oauth2(officer).contentType(ContentType.JSON).body(body)
                    .post(members).then().statusCode(201).extract().path("id");
            if (m.leftOn() != null) {
                given().auth().oauth2(officer).contentType(ContentType.JSON)
                        .body(Map.of("leftOn", m.leftOn().toString(), "reason", "Chuyển về sống cùng con ở Hà Nội"))
                        .post(members + "/" + memberId + "/departure").then().statusCode(200).body("status", equalTo("LEFT"));
            }
        }
        for (ClubFact club : CLUBS) {
            if (club.closedOn() != null) {
                given().auth().oauth2(officers.get(club.district())).contentType(ContentType.JSON)
                        .body(Map.of("closedOn", club.closedOn().toString(), "reason", "Sáp nhập với câu lạc bộ xóm bên cạnh"))
                        .post(suite.registry.baseUrl() + "/api/v1/clubs/" + clubIds.get(club) + "/closure")
                        .then().statusCode(200).body("status", equalTo("CLOSED"));
            }
        }

        // Money: each record written by the district's officer, or by the province admin at province level.
        Map<String, String> donorIds = new HashMap<>();
        for (Map.Entry<String, String> donor : DONOR_TYPES.entrySet()) {
            donorIds.put(donor.getKey(), given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("name", donor.getKey(), "type", donor.getValue()))
                    .post(suite.funding.baseUrl() + "/api/v1/donors").then().statusCode(201).extract().path("id"));
        }
        Map<PledgeFact, String> pledgeIds = new HashMap<>();
        for (PledgeFact p : PLEDGES) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("donorId", donorIds.get(p.donor()));
            body.put("amountVnd", p.amountVnd());
            body.put("pledgedOn", p.pledgedOn().toString());
            if (p.district() != null) {
                body.put("districtCode", p.district());
            }
            body.put("note", "Ủng hộ quỹ chăm sóc người cao tuổi");
            pledgeIds.put(p, createMoneyRecord(p.district() == null ? admin : officers.get(p.district()), "/api/v1/pledges",
                    "e2e-counting-" + TAG + "-" + p.key(), body));
        }
        for (MoneyFact c : MONEY) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("donorId", donorIds.get(c.donor()));
            body.put("form", c.form());
            body.put("amountVnd", c.amountVnd());
            body.put("receivedOn", c.receivedOn().toString());
            if (!c.form().equals("CASH")) {
                body.put("valuationNote", c.form().equals("LABOUR") ? "100 ngày công × 250.000 đồng" : "30 bao xi măng theo giá hóa đơn");
            }
            if (c.club() != null) {
                body.put("clubId", clubIds.get(c.club()));
            } else if (c.district() != null) {
                body.put("districtCode", c.district());
            }
            if (c.pledge() != null) {
                body.put("pledgeId", pledgeIds.get(c.pledge()));
            }
            body.put("purpose", "Quỹ tín dụng quay vòng cho hội viên");
            String writer = c.area() == null ? admin : officers.get(c.area());
            String id = createMoneyRecord(writer, "/api/v1/contributions", "e2e-counting-" + TAG + "-" + c.key(), body);
            if (c.reversedOn() != null) {
                given().auth().oauth2(writer).contentType(ContentType.JSON)
                        .body(Map.of("reversedOn", c.reversedOn().toString(), "reason", "Ghi nhầm số tiền, đã ghi lại khoản đúng"))
                        .post(suite.funding.baseUrl() + "/api/v1/contributions/" + id + "/reversal")
                        .then().statusCode(200).body("status", equalTo("REVERSED"));
            }
        }
    }

    /**
     * Creates a contribution or pledge, retrying with the same Idempotency-Key while funding has not
     * yet learnt of a new club from registry's events (it refuses the club until then).
     */
    private static String createMoneyRecord(String token, String path, String idempotencyKey, Map<String, Object> body) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                Response response = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                        .body(body).post(suite.funding.baseUrl() + path);
                last.set(response);
                return response.statusCode() == 201 || response.statusCode() == 200;
            });
        } catch (ConditionTimeoutException e) {
            fail("funding refused " + path + " " + body + ": " + last.get().statusCode() + " " + last.get().asString());
        }
        return last.get().path("id");
    }

    // ---- reading and comparing reporting's figures ----

    /**
     * Waits until reporting has applied the scenario (and, after a rebuild, replayed up to the same
     * freshness), then checks every figure; on a timeout, reports every figure that is off.
     */
    private static void awaitDeltas(String when, Map<LocalDate, Map<String, long[]>> before, String token, JsonNode freshness) {
        Duration timeout = Duration.ofSeconds(freshness == null ? 30 : 60);
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                if (freshness != null) {
                    assertEquals(freshness, progress(token, EDGES).path("freshness"), when + ": freshness restored by the replay");
                }
                assertDeltas(when, before, figures(token));
            });
        } catch (ConditionTimeoutException timedOut) {
            assertDeltas(when + " (waited " + timeout.toSeconds() + " s)", before, figures(token));
            throw timedOut;
        }
    }

    private static void assertDeltas(String when, Map<LocalDate, Map<String, long[]>> before, Map<LocalDate, Map<String, long[]>> after) {
        List<Executable> checks = new ArrayList<>();
        for (LocalDate d : DATES) {
            for (String area : AREAS) {
                long[] expected = expected(area, d);
                for (int i = 0; i < FIGURES.size(); i++) {
                    long delta = after.get(d).get(area)[i] - before.get(d).get(area)[i];
                    long wanted = expected[i];
                    String message = when + ", asOf " + d + ", area " + area + ", " + FIGURES.get(i) + ": change in reporting's figure";
                    checks.add(() -> assertEquals(wanted, delta, message));
                }
            }
        }
        assertAll(checks);
    }

    /** Every date's figures of the areas used, read until two reads in a row agree (other tests' events have landed). */
    private static Map<LocalDate, Map<String, long[]>> settledFigures(String token) {
        AtomicReference<Map<LocalDate, Map<String, long[]>>> previous = new AtomicReference<>(figures(token));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<LocalDate, Map<String, long[]>> now = figures(token);
            boolean same = sameFigures(previous.get(), now);
            previous.set(now);
            return same;
        });
        return previous.get();
    }

    private static boolean sameFigures(Map<LocalDate, Map<String, long[]>> a, Map<LocalDate, Map<String, long[]>> b) {
        for (LocalDate d : DATES) {
            for (String area : AREAS) {
                if (!java.util.Arrays.equals(a.get(d).get(area), b.get(d).get(area))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<LocalDate, Map<String, long[]>> figures(String token) {
        Map<LocalDate, Map<String, long[]>> byDate = new HashMap<>();
        for (LocalDate d : DATES) {
            JsonNode document = progress(token, d);
            Map<String, long[]> byArea = new HashMap<>();
            for (String area : AREAS) {
                JsonNode node = area(document, area);
                long[] values = new long[FIGURES.size()];
                for (int i = 0; i < FIGURES.size(); i++) {
                    JsonNode value = node.at("/" + FIGURES.get(i).replace('.', '/'));
                    assertTrue(value.isIntegralNumber(), "asOf " + d + ", area " + area + ": " + FIGURES.get(i) + " is missing or not a whole number");
                    values[i] = value.asLong();
                }
                byArea.put(area, values);
            }
            byDate.put(d, byArea);
        }
        return byDate;
    }

    private static JsonNode area(JsonNode document, String code) {
        if (PROVINCE.equals(code)) {
            assertEquals(PROVINCE, document.path("province").path("code").asText(), "the province's code");
            return document.path("province");
        }
        for (JsonNode district : document.path("districts")) {
            if (code.equals(district.path("code").asText())) {
                return district;
            }
        }
        return fail("asOf " + document.path("asOf").asText() + ": district " + code + " is missing from progress");
    }

    private static JsonNode progress(String token, LocalDate asOf) {
        String body = given().auth().oauth2(token).queryParam("asOf", asOf.toString())
                .when().get(suite.reporting.baseUrl() + PROGRESS)
                .then().statusCode(200).body("asOf", equalTo(asOf.toString())).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("progress is not JSON: " + body, e);
        }
    }

    /**
     * reporting agrees with registry's and funding's own counts on the date, in every district and
     * for the province (other tests leave nothing only reporting knows: ClubFlowIT retires its
     * forged club once it has shown the mismatch).
     */
    private static void assertReconciles(String admin, LocalDate asOf, String when) {
        String where = when + ", reconciliation asOf " + asOf + ": ";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode report = JSON.readTree(given().auth().oauth2(admin).queryParam("asOf", asOf.toString()).queryParam("programme", PROGRAMME)
                    .get(suite.reporting.baseUrl() + "/api/v1/reconciliation").then().statusCode(200).extract().asString());
            // 9 figures × 9 districts and the province, and the province-level items the sources name (funding's money of no district)
            assertTrue(report.path("figuresCompared").asInt() >= 90, where + "figures compared: " + report.path("figuresCompared"));
            assertEquals("MATCH", report.path("status").asText(), where + "differences " + report.path("differences"));
        });
    }
}
