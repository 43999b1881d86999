package vn.ishc.reporting.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.progress.ProgressDocument;
import vn.ishc.reporting.progress.ProgressDocument.AreaProgress;
import vn.ishc.reporting.progress.ProgressDocument.LevelledAreaProgress;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reconciliation compares the areas in force on the date with the sources' level-neutral areas, on both sides of the reform. */
class ReconciliationByAreasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AreaProgress area(String code, long clubs, long members, long receivedVnd) {
        return new AreaProgress(code, code, new ProgressDocument.ClubFigures(clubs, clubs, 0),
                new ProgressDocument.MemberFigures(members, members, 0, 0, 0, 0),
                new ProgressDocument.ContributionFigures(receivedVnd, 0), new ProgressDocument.Targets(null, null, null), null, null);
    }

    private static ProgressDocument document(String asOf, AreaProgress province, List<AreaProgress> districts, List<LevelledAreaProgress> areas,
                                             long awaiting) {
        return new ProgressDocument(new ProgressDocument.ProgrammeRef("TN-ISHC-2026-2030", "…", LocalDate.of(2024, 1, 1),
                LocalDate.of(2030, 12, 31)), LocalDate.parse(asOf), province, districts, areas, awaiting,
                new ProgressDocument.Coverage(0, 0, null, List.of()), new ProgressDocument.Freshness(null, null));
    }

    private static LevelledAreaProgress levelled(AreaProgress a, String level) {
        return new LevelledAreaProgress(a.code(), a.name(), level, a.clubs(), a.members(), a.contributions(), a.targets(), null, null);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    /** After the reform: communes, a club awaiting a successor in registry's PROVINCE item, money at province level. */
    private static ProgressDocument afterTheReform() {
        AreaProgress phanDinhPhung = area("05443", 2, 100, 5_000_000);
        AreaProgress giaSang = area("05467", 1, 40, 0);
        // the province: the communes, one awaiting club with 30 members, 7,000,000 VND at province level
        AreaProgress province = area("19", 4, 170, 12_000_000);
        return document("2025-07-01", province, List.of(), List.of(levelled(phanDinhPhung, "COMMUNE"), levelled(giaSang, "COMMUNE")), 1);
    }

    @Test
    void afterTheReformTheCommunesAndTheProvinceLevelItemMatchTheSourcesAreas() throws Exception {
        JsonNode registry = json("""
                {'asOf': '2025-07-01', 'province': {'code': '19', 'clubsActive': 4, 'membersActive': 170, 'older': 170},
                 'districts': [],
                 'areas': [{'code': '05443', 'level': 'COMMUNE', 'clubsActive': 2, 'membersActive': 100, 'older': 100},
                           {'code': '05467', 'level': 'COMMUNE', 'clubsActive': 1, 'membersActive': 40, 'older': 40},
                           {'code': '19', 'level': 'PROVINCE', 'clubsActive': 1, 'membersActive': 30, 'older': 30}]}""");
        JsonNode funding = json("""
                {'asOf': '2025-07-01', 'province': {'code': '19', 'receivedVnd': 12000000, 'pledgedOutstandingVnd': 0},
                 'districts': [],
                 'areas': [{'code': '05443', 'level': 'COMMUNE', 'receivedVnd': 5000000, 'pledgedOutstandingVnd': 0},
                           {'code': '05467', 'level': 'COMMUNE', 'receivedVnd': 0, 'pledgedOutstandingVnd': 0}]}""");
        ReconciliationReport report = Reconciliation.report(afterTheReform(), registry, funding);
        assertEquals(List.of(), report.differences());
        assertEquals(ReconciliationReport.Status.MATCH, report.status());
        // registry: the province, two communes and its province-level item, 7 figures each; funding: the province and two communes
        assertEquals(4 * 7 + 3 * 2, report.figuresCompared());
    }

    @Test
    void aCommuneCountedDifferentlyOrUnknownToReportingIsADifference() throws Exception {
        JsonNode registry = json("""
                {'province': {'clubsActive': 4, 'membersActive': 170, 'older': 170}, 'districts': [],
                 'areas': [{'code': '05443', 'level': 'COMMUNE', 'clubsActive': 3, 'membersActive': 100, 'older': 100},
                           {'code': '05467', 'level': 'COMMUNE', 'clubsActive': 1, 'membersActive': 40, 'older': 40},
                           {'code': '05500', 'level': 'COMMUNE', 'clubsActive': 1}]}""");
        JsonNode funding = json("{'province': {'receivedVnd': 12000000}, 'areas': []}");
        ReconciliationReport report = Reconciliation.report(afterTheReform(), registry, funding);
        assertEquals(ReconciliationReport.Status.MISMATCH, report.status());
        assertEquals(List.of(new Difference("05443", "clubsActive", "registry", 2, 3), new Difference("05500", "clubsActive", "registry", 0, 1),
                new Difference("05443", "receivedVnd", "funding", 5_000_000, 0)), report.differences().stream()
                .filter(d -> d.figure().equals("clubsActive") || d.figure().equals("receivedVnd")).toList());
    }

    @Test
    void aSourceWithoutAreasIsComparedByDistrictAsBefore() throws Exception {
        AreaProgress city = area("164", 3, 150, 1_000);
        AreaProgress province = area("19", 3, 150, 1_500);
        ProgressDocument before = document("2019-06-30", province, List.of(city), List.of(levelled(city, "DISTRICT")), 0);
        JsonNode registry = json("""
                {'province': {'clubsActive': 3, 'membersActive': 150, 'older': 150},
                 'districts': [{'code': '164', 'clubsActive': 3, 'membersActive': 150, 'older': 150}]}""");
        JsonNode funding = json("""
                {'province': {'receivedVnd': 1500}, 'provinceLevel': {'receivedVnd': 500},
                 'districts': [{'code': '164', 'receivedVnd': 1000}]}""");
        ReconciliationReport report = Reconciliation.report(before, registry, funding);
        assertEquals(ReconciliationReport.Status.MATCH, report.status(), report.differences().toString());
        assertEquals(2 * 7 + 2 * 2, report.figuresCompared());
    }
}
