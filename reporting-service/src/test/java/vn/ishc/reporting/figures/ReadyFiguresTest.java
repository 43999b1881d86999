package vn.ishc.reporting.figures;

import vn.ishc.reporting.config.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.progress.ProgressDocument;
import vn.ishc.reporting.progress.ProgressDocument.AreaProgress;
import vn.ishc.reporting.progress.ProgressService;
import vn.ishc.reporting.projection.AdminUnitProjection;
import vn.ishc.reporting.projection.ClubProjection;
import vn.ishc.reporting.projection.FundingProjection;
import vn.ishc.reporting.support.FundingEvents;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;
import vn.ishc.testkit.stack.Tokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The figures kept ready as events arrive equal SQL counts over the projection rows, for random
 * clubs, members, contributions and pledges that change after they first arrive — on several dates,
 * for the seeded programme and for one created afterwards with another start, and again after the
 * figures are recomputed from the projections (what an install upgraded to ready figures does).
 */
@QuarkusTest
class ReadyFiguresTest {

    private static final String[] DISTRICTS = {"171", "172", "173"};
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 9, 30), LocalDate.of(2018, 7, 1),
            LocalDate.of(2019, 2, 28), LocalDate.of(2020, 6, 15), LocalDate.of(2020, 12, 31), LocalDate.of(2023, 1, 1));

    @Inject
    EntityManager em;

    @Inject
    ProgressService progress;

    @Inject
    FigureBackfill backfill;

    private final Random random = new Random(1533);
    private final List<UUID> lastEvents = new ArrayList<>();

    @Test
    void readyFiguresEqualCountsOverTheRows() {
        sendAdminUnits();
        List<UUID> pledges = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID pledge = UUID.randomUUID();
            pledges.add(pledge);
            String district = i == 0 ? null : DISTRICTS[random.nextInt(DISTRICTS.length)];
            send(Topics.PLEDGES, FundingEvents.pledge(pledge, 1, district, 3_000_000, day(2017, 600).toString(),
                    i == 1 ? day(2018, 500).toString() : null));
        }
        for (int i = 0; i < 25; i++) {
            UUID club = UUID.randomUUID();
            send(Topics.CLUB_SNAPSHOTS, clubSnapshot(club, 1));
            if (i % 3 == 0) {
                send(Topics.CLUB_SNAPSHOTS, clubSnapshot(club, 2)); // moved, closed or members changed
            }
        }
        for (int i = 0; i < 60; i++) {
            UUID contribution = UUID.randomUUID();
            String district = i % 10 == 0 ? null : DISTRICTS[random.nextInt(DISTRICTS.length)];
            UUID pledge = i % 4 == 0 ? pledges.get(random.nextInt(pledges.size())) : null;
            LocalDate received = day(2016, 1800);
            long amount = 100_000 + random.nextInt(2_000_000);
            send(Topics.CONTRIBUTIONS, FundingEvents.contribution(contribution, 1, district, amount, received.toString(), pledge, null));
            if (i % 5 == 0) {
                send(Topics.CONTRIBUTIONS, FundingEvents.contribution(contribution, 2, district, amount, received.toString(), pledge,
                        received.plusDays(random.nextInt(400)).toString()));
            }
        }
        // Pledges and the contributions naming them arrive on different topics, in any order: some
        // contributions first, a pledge cancelled after its fulfilments, a contribution moved to another pledge.
        for (int i = 0; i < 6; i++) {
            UUID pledge = UUID.randomUUID();
            String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            for (int c = 0; c < 3; c++) {
                send(Topics.CONTRIBUTIONS, FundingEvents.contribution(UUID.randomUUID(), 1, district, 700_000,
                        day(2018, 300).toString(), pledge, null));
            }
            send(Topics.PLEDGES, FundingEvents.pledge(pledge, 1, district, 2_000_000, "2017-12-01", null));
            if (i % 2 == 0) {
                send(Topics.PLEDGES, FundingEvents.pledge(pledge, 2, district, 2_000_000, "2017-12-01", "2019-03-01"));
            }
            UUID moved = UUID.randomUUID();
            send(Topics.CONTRIBUTIONS, FundingEvents.contribution(moved, 1, district, 500_000, "2018-06-01", pledge, null));
            send(Topics.CONTRIBUTIONS, FundingEvents.contribution(moved, 2, district, 500_000, "2018-06-01",
                    pledges.get(random.nextInt(pledges.size())), null));
        }
        await().atMost(Duration.ofSeconds(60)).until(this::allApplied);

        String later = "TN-LATER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(Tokens.provinceAdmin()).contentType(ContentType.JSON)
                .body(Map.of("code", later, "name", "Chương trình bắt đầu giữa kỳ", "startsOn", "2018-07-01", "endsOn", "2022-12-31"))
                .post("/api/v1/programmes").then().statusCode(201);

        assertFiguresMatchTheRows(List.of("TN-ISHC-2017-2020", later));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update progress_revision set built = false").executeUpdate());
        backfill.computeIfNotBuilt();
        assertFiguresMatchTheRows(List.of("TN-ISHC-2017-2020", later));
    }

    /** A renamed district shows at once, even when its event is older than others already applied. */
    @Test
    void administrativeUnitChangesShowInProgressAtOnce() {
        sendAdminUnits();
        await().atMost(Duration.ofSeconds(30)).until(this::allApplied);
        String before = districtName("173");
        String renamed = "Huyện Võ Nhai (" + UUID.randomUUID().toString().substring(0, 6) + ")";
        ObjectNode event = RegistryEvents.adminUnit("173", "Võ Nhai", renamed, "DISTRICT", "huyen", "19");
        event.put("aggregateVersion", System.currentTimeMillis()); // newer than any earlier version of 173
        event.put("occurredAt", "2020-01-01T00:00:00Z");           // but older than events already applied
        send(Topics.ADMIN_UNITS, event);
        await().atMost(Duration.ofSeconds(20)).until(() -> renamed.equals(districtName("173")));
        assertEquals(false, renamed.equals(before));
    }

    private String districtName(String code) {
        return progress.progress("TN-ISHC-2017-2020", LocalDate.of(2019, 1, 1)).districts().stream()
                .filter(d -> d.code().equals(code)).findFirst().map(AreaProgress::name).orElse(null);
    }

    private void assertFiguresMatchTheRows(List<String> programmes) {
        for (String code : programmes) {
            for (LocalDate date : DATES) {
                ProgressDocument document;
                try {
                    document = progress.progress(code, date);
                } catch (RuntimeException beforeTheStart) {
                    continue; // the later programme has no progress before it starts
                }
                LocalDate start = document.programme().startsOn();
                Map<String, Map<String, Long>> expected = QuarkusTransaction.requiringNew().call(() -> RawRowCounts.count(em, start, date));
                Map<String, Long> provinceLevel = figures(document.province());
                for (AreaProgress district : document.districts()) {
                    assertEquals(expected.getOrDefault(district.code(), Map.of()), figures(district),
                            code + ": district " + district.code() + " on " + date);
                    figures(district).forEach((k, v) -> provinceLevel.merge(k, -v, Long::sum));
                }
                provinceLevel.values().removeIf(v -> v == 0);
                assertEquals(expected.getOrDefault(ReadyFigures.PROVINCE_LEVEL, Map.of()), provinceLevel,
                        code + ": province-level items on " + date);
            }
        }
    }

    private static Map<String, Long> figures(AreaProgress a) {
        Map<String, Long> f = new TreeMap<>();
        f.put("clubs.active", a.clubs().active());
        f.put("clubs.new", a.clubs().newlyEstablished());
        f.put("clubs.maintained", a.clubs().maintained());
        f.put("members.active", a.members().active());
        f.put("members.older", a.members().older());
        f.put("members.women", a.members().women());
        f.put("members.poor", a.members().poor());
        f.put("members.nearPoor", a.members().nearPoor());
        f.put("members.hardship", a.members().hardship());
        f.put("contributions.receivedVnd", a.contributions().receivedVnd());
        f.put("contributions.pledgedOutstandingVnd", a.contributions().pledgedOutstandingVnd());
        f.values().removeIf(v -> v == 0);
        return f;
    }

    private ObjectNode clubSnapshot(UUID club, int version) {
        LocalDate established = day(2015, 1800);
        String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
        String closed = random.nextInt(4) == 0 ? established.plusDays(1 + random.nextInt(1200)).toString() : null;
        ObjectNode event = RegistryEvents.club(club, version, district, "00000", established.toString(), closed);
        for (int m = 0; m < random.nextInt(12); m++) {
            LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(22000));
            LocalDate joined = established.plusDays(random.nextInt(500));
            RegistryEvents.member(event, random.nextBoolean() ? "FEMALE" : "MALE", random.nextBoolean() ? born.toString() : null, born.getYear(),
                    List.of("POOR", "NEAR_POOR", "HARDSHIP", "NONE").get(random.nextInt(4)), joined.toString(),
                    random.nextInt(4) == 0 ? joined.plusDays(random.nextInt(900)).toString() : null);
        }
        return event;
    }

    private LocalDate day(int year, int spread) {
        return LocalDate.of(year, 1, 1).plusDays(random.nextInt(spread));
    }

    private void sendAdminUnits() {
        send(Topics.ADMIN_UNITS, RegistryEvents.adminUnit("19", "Thái Nguyên", "Tỉnh Thái Nguyên", "PROVINCE", "tinh", null));
        send(Topics.ADMIN_UNITS, RegistryEvents.adminUnit("171", "Phú Bình", "Huyện Phú Bình", "DISTRICT", "huyen", "19"));
        send(Topics.ADMIN_UNITS, RegistryEvents.adminUnit("172", "Phú Lương", "Huyện Phú Lương", "DISTRICT", "huyen", "19"));
        send(Topics.ADMIN_UNITS, RegistryEvents.adminUnit("173", "Võ Nhai", "Huyện Võ Nhai", "DISTRICT", "huyen", "19"));
    }

    private void send(String topic, ObjectNode event) {
        lastEvents.add(UUID.fromString(event.get("eventId").asText()));
        EventSender.send(topic, event.get("aggregateId").asText(), event.toString());
    }

    private boolean allApplied() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from applied_event where event_id in (:ids)").setParameter("ids", lastEvents).getSingleResult()).intValue())
                == lastEvents.size();
    }
}
