package vn.ishc.reporting.projection;

import vn.ishc.reporting.config.Topics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.support.FundingEvents;
import vn.ishc.reporting.support.RegistryEvents;
import vn.ishc.testkit.kafka.EventSender;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.ishc.reporting.support.ProgressClient.district;
import static vn.ishc.reporting.support.ProgressClient.plus;
import static vn.ishc.reporting.support.ProgressClient.province;
import static vn.ishc.reporting.support.ProgressClient.progress;

/** funding's contributions and pledges, counted by the rules: in the programme period, until reversed, province-level apart. */
@QuarkusTest
class FundingProjectionTest {

    static final String CONTRIBUTIONS = Topics.CONTRIBUTIONS;

    @BeforeEach
    void adminUnitsAreKnown() {
        EventSender.send(Topics.ADMIN_UNITS, "19", RegistryEvents.adminUnit("19", "Thái Nguyên", "Tỉnh Thái Nguyên", "PROVINCE", "tinh", null).toString());
        EventSender.send(Topics.ADMIN_UNITS, "169", RegistryEvents.adminUnit("169", "Đồng Hỷ", "Huyện Đồng Hỷ", "DISTRICT", "huyen", "19").toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> district("2019-06-30", "169").get("clubs.active") != null);
    }

    private static void send(ObjectNode event) {
        String topic = "ContributionSnapshot".equals(event.get("type").asText()) ? CONTRIBUTIONS : Topics.PLEDGES;
        EventSender.send(topic, event.get("aggregateId").asText(), event.toString());
    }

    @Test
    void contributionsCountInTheProgrammePeriodUntilReversed() {
        Map<String, Long> before = district("2019-06-30", "169");
        long dayBefore = district("2019-06-29", "169").get("contributions.receivedVnd");
        long provinceBefore = province("2019-06-30").get("contributions.receivedVnd");
        UUID reversed = UUID.randomUUID();
        send(FundingEvents.contribution(UUID.randomUUID(), 1, "169", 5_000_000, "2019-05-20", null, null));
        send(FundingEvents.contribution(UUID.randomUUID(), 1, "169", 7_000_000, "2016-12-31", null, null));    // before the programme
        send(FundingEvents.contribution(reversed, 1, "169", 2_000_000, "2019-04-01", null, null));
        send(FundingEvents.contribution(reversed, 2, "169", 2_000_000, "2019-04-01", null, "2019-06-30"));     // reversed on the day
        send(FundingEvents.contribution(UUID.randomUUID(), 1, null, 1_000_000, "2019-01-15", null, null));     // province level

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(plus(before, Map.of("contributions.receivedVnd", 5_000_000L)), district("2019-06-30", "169"));
            assertEquals(provinceBefore + 6_000_000L, province("2019-06-30").get("contributions.receivedVnd"));
        });
        // The day before the reversal, the reversed contribution still counted.
        assertEquals(dayBefore + 7_000_000L, district("2019-06-29", "169").get("contributions.receivedVnd"));
    }

    @Test
    void pledgedOutstandingIsWhatContributionsHaveNotYetFulfilled() {
        long before = outstanding("2019-12-31");
        long beforeCancellation = outstanding("2019-08-31");
        UUID pledge = UUID.randomUUID();
        send(FundingEvents.pledge(pledge, 1, "169", 10_000_000, "2019-03-01", null));
        send(FundingEvents.contribution(UUID.randomUUID(), 1, "169", 4_000_000, "2019-06-01", pledge, null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(before + 6_000_000, outstanding("2019-12-31")));
        send(FundingEvents.pledge(pledge, 2, "169", 10_000_000, "2019-03-01", "2019-09-01"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(before, outstanding("2019-12-31")));
        assertEquals(beforeCancellation + 6_000_000, outstanding("2019-08-31"), "still outstanding before the cancellation");
    }

    private static long outstanding(String asOf) {
        return progress(asOf).getLong("districts.find { it.code == '169' }.contributions.pledgedOutstandingVnd");
    }
}
