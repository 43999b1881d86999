package vn.ishc.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.ishc.e2e.client.funding.api.ContributionsApi;
import vn.ishc.e2e.client.funding.api.DonorsApi;
import vn.ishc.e2e.client.funding.model.Contribution;
import vn.ishc.e2e.client.funding.model.ContributionForm;
import vn.ishc.e2e.client.funding.model.ContributionStatus;
import vn.ishc.e2e.client.funding.model.Donor;
import vn.ishc.e2e.client.funding.model.DonorType;
import vn.ishc.e2e.client.funding.model.NewContribution;
import vn.ishc.e2e.client.funding.model.NewDonor;
import vn.ishc.e2e.client.funding.model.Reversal;
import vn.ishc.e2e.client.registry.api.AdministrativeUnitsApi;
import vn.ishc.e2e.client.registry.api.ClubsApi;
import vn.ishc.e2e.client.registry.api.MembersApi;
import vn.ishc.e2e.client.registry.model.AdminUnit;
import vn.ishc.e2e.client.registry.model.AdminUnitLevel;
import vn.ishc.e2e.client.registry.model.Club;
import vn.ishc.e2e.client.registry.model.Gender;
import vn.ishc.e2e.client.registry.model.HouseholdStatus;
import vn.ishc.e2e.client.registry.model.Member;
import vn.ishc.e2e.client.registry.model.MemberPatch;
import vn.ishc.e2e.client.registry.model.NewClub;
import vn.ishc.e2e.client.registry.model.NewMember;
import vn.ishc.e2e.client.reporting.api.ProgressApi;
import vn.ishc.e2e.client.reporting.api.ReconciliationApi;
import vn.ishc.e2e.client.reporting.model.AreaProgress;
import vn.ishc.e2e.client.reporting.model.ProgressDocument;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's district-officer walk-through, as a partner system would run it: only through the
 * Java clients generated from the reviewed OpenAPI documents (docs/openapi), no hand-written HTTP.
 * If a document and its server disagree on a path, a field, a type or a status, this fails.
 */
class GeneratedClientWalkthroughIT {

    private static final String PROGRAMME = "TN-ISHC-2017-2020";
    private static Suite suite;
    private static String officer;
    private static String viewer;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.get();
        officer = suite.token("district-officer", "164");
        viewer = suite.token("viewer", null);
    }

    @Test
    void aDistrictOfficerGetsAClubItsMembersAndMoneyIntoTheProvinceFigures() throws Exception {
        var registry = registryClient(officer);
        var funding = fundingClient(officer);
        var reporting = reportingClient(viewer);
        long clubsBefore = district(new ProgressApi(reporting).progressGet(PROGRAMME, lastDayOfDistricts()), "164").getClubs().getActive();

        // The communes of Thành phố Thái Nguyên, and phường Túc Duyên among them.
        List<AdminUnit> communes = new AdministrativeUnitsApi(registry).adminUnitList(LocalDate.of(2019, 1, 1), AdminUnitLevel.COMMUNE, "164");
        assertTrue(communes.stream().anyMatch(unit -> "05437".equals(unit.getCode())), "Túc Duyên is a commune of 164");

        // 1. Register the club.
        Club club = new ClubsApi(registry).clubRegister(new NewClub()
                .name("CLB Liên thế hệ tự giúp nhau Tổ 7 Túc Duyên " + UUID.randomUUID().toString().substring(0, 6))
                .communeCode("05437").hamlet("Tổ 7").establishedOn(LocalDate.of(2018, 3, 15)));
        assertEquals("164", club.getDistrictCode());

        // 2. Add members: a poor older woman, and a younger man.
        MembersApi members = new MembersApi(registry);
        Member lan = members.memberAdd(club.getId(), new NewMember().fullName("Nguyễn Thị Lan").gender(Gender.FEMALE).birthYear(1955)
                .householdStatus(HouseholdStatus.POOR).householdStatusYear(2018).joinedOn(LocalDate.of(2018, 4, 1)));
        members.memberAdd(club.getId(), new NewMember().fullName("Trần Văn Minh").gender(Gender.MALE).birthYear(1990)
                .householdStatus(HouseholdStatus.NONE).joinedOn(LocalDate.of(2018, 4, 1)));

        // 3. Her household left poverty: a merge patch with the version read as If-Match.
        Member changed = members.memberPatch(club.getId(), lan.getId(), "\"" + lan.getVersion() + "\"",
                new MemberPatch().householdStatus(HouseholdStatus.NONE).householdStatusYear(null));
        assertEquals(HouseholdStatus.NONE, changed.getHouseholdStatus());

        // 4. The money side: a donor, a contribution recorded once despite a retry, a mistake reversed.
        Donor donor = new DonorsApi(funding).donorRegister(new NewDonor().name("Công ty TNHH Gang thép Thái Nguyên")
                .type(DonorType.BUSINESS));
        ContributionsApi contributions = new ContributionsApi(funding);
        NewContribution cash = new NewContribution().donorId(donor.getId()).form(ContributionForm.CASH).amountVnd(15_000_000L)
                .receivedOn(LocalDate.of(2019, 5, 20)).clubId(club.getId()).receiptNo("PT-" + UUID.randomUUID().toString().substring(0, 8));
        String key = UUID.randomUUID().toString();
        Contribution first = contributions.contributionRecord(cash, key);
        Contribution retry = contributions.contributionRecord(cash, key);
        assertEquals(first.getId(), retry.getId(), "a retry with the same Idempotency-Key records nothing new");
        Contribution mistaken = contributions.contributionRecord(new NewContribution().donorId(donor.getId()).form(ContributionForm.CASH)
                .amountVnd(150_000_000L).receivedOn(LocalDate.of(2019, 5, 21)).clubId(club.getId()), null);
        Contribution reversed = contributions.contributionReverse(mistaken.getId(),
                new Reversal().reversedOn(LocalDate.of(2019, 5, 22)).reason("Ghi nhầm số tiền"));
        assertEquals(ContributionStatus.REVERSED, reversed.getStatus());

        // 5. The province sees it: the club in its district on the districts' last day, the money as of the programme end.
        ProgressApi progress = new ProgressApi(reporting);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                district(progress.progressGet(PROGRAMME, lastDayOfDistricts()), "164").getClubs().getActive() >= clubsBefore + 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                new ReconciliationApi(reportingClient(suite.token("province-admin", null))).reconciliationReconcile(null, PROGRAMME)
                        .getStatus().getValue().equals("MATCH"));
        ProgressDocument atTheEnd = progress.progressGet(PROGRAMME, LocalDate.of(2020, 12, 31));
        assertTrue(district(atTheEnd, "164").getContributions().getReceivedVnd() >= 15_000_000L);
    }

    private static AreaProgress district(ProgressDocument progress, String code) {
        return progress.getDistricts().stream().filter(d -> code.equals(d.getCode())).findFirst().orElseThrow();
    }

    /** The last day the districts existed (the 2025 reform put communes directly under the province from the next day). */
    private static LocalDate lastDayOfDistricts() {
        return LocalDate.of(2025, 6, 30);
    }

    private static vn.ishc.e2e.client.registry.ApiClient registryClient(String token) {
        var client = new vn.ishc.e2e.client.registry.ApiClient();
        client.updateBaseUri(suite.registry.baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static vn.ishc.e2e.client.funding.ApiClient fundingClient(String token) {
        var client = new vn.ishc.e2e.client.funding.ApiClient();
        client.updateBaseUri(suite.funding.baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static vn.ishc.e2e.client.reporting.ApiClient reportingClient(String token) {
        var client = new vn.ishc.e2e.client.reporting.ApiClient();
        client.updateBaseUri(suite.reporting.baseUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
