package vn.ishc.reporting.reconciliation;

import vn.ishc.reporting.config.Province;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.ishc.reporting.programme.Programme;
import vn.ishc.reporting.programme.Programmes;
import vn.ishc.reporting.progress.ProgressDocument;
import vn.ishc.reporting.progress.ProgressDocument.AreaProgress;
import vn.ishc.reporting.progress.ProgressService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Compares reporting's progress with the sources' own counts, figure by figure, area by area: the
 * areas in force on the date (districts, or communes after the 2025 reform) when the source answers
 * its level-neutral {@code areas}, its districts otherwise.
 */
@ApplicationScoped
public class Reconciliation {

    /** reporting's figure, and the name of the same figure in registry's stats. */
    private static final Map<String, ToLongFunction<AreaProgress>> REGISTRY_FIGURES = Map.of(
            "clubsActive", a -> a.clubs().active(),
            "membersActive", a -> a.members().active(),
            "older", a -> a.members().older(),
            "women", a -> a.members().women(),
            "poor", a -> a.members().poor(),
            "nearPoor", a -> a.members().nearPoor(),
            "hardship", a -> a.members().hardship());
    private static final Map<String, ToLongFunction<AreaProgress>> FUNDING_FIGURES = Map.of(
            "receivedVnd", a -> a.contributions().receivedVnd(),
            "pledgedOutstandingVnd", a -> a.contributions().pledgedOutstandingVnd());

    @Inject
    ProgressService progress;

    @Inject
    Programmes programmes;

    @Inject
    SourceStats sources;

    public ReconciliationReport reconcile(String programmeCode, LocalDate asOf, String bearerToken) {
        Programme programme = programmes.get(programmeCode);
        ProgressDocument document = progress.progress(programmeCode, asOf);
        JsonNode registry = sources.registry(document.asOf(), bearerToken);
        JsonNode funding = sources.funding(document.asOf(), programme.startsOn, bearerToken);
        return report(document, registry, funding);
    }

    /** The comparison itself, given the sources' answers to {@code GET /api/v1/stats}. */
    static ReconciliationReport report(ProgressDocument document, JsonNode registry, JsonNode funding) {
        List<Difference> differences = new ArrayList<>();
        int compared = 0;
        compared += compare("registry", REGISTRY_FIGURES, ours(document, registry), byArea(registry), differences);
        compared += compare("funding", FUNDING_FIGURES, ours(document, funding), byArea(funding), differences);
        return new ReconciliationReport(document.programme().code(), document.asOf(),
                differences.isEmpty() ? ReconciliationReport.Status.MATCH : ReconciliationReport.Status.MISMATCH, compared, differences);
    }

    /** The area under which the province-level items (no area, or an area that has ended; clubs awaiting a successor) are compared. */
    static final String PROVINCE_LEVEL = "province-level";

    private static final String PROVINCE = "PROVINCE";

    /**
     * reporting's figures as the source splits them: the province, and each area in force (the
     * level-neutral {@code areas} when the source answers them, else its districts as before the
     * reform); the province-level items too when the source lists them as an area of level PROVINCE.
     */
    private static Map<String, AreaProgress> ours(ProgressDocument document, JsonNode stats) {
        Map<String, AreaProgress> ours = new LinkedHashMap<>();
        ours.put(Province.CODE, document.province());
        if (!stats.path("areas").isArray()) {
            document.districts().forEach(d -> ours.put(d.code(), d));
            return ours;
        }
        document.areas().forEach(a -> ours.put(a.code(), a.figures()));
        boolean listsProvinceLevel = false;
        for (JsonNode area : stats.path("areas")) {
            listsProvinceLevel |= PROVINCE.equals(area.path("level").asText());
        }
        if (listsProvinceLevel) {
            ours.put(PROVINCE_LEVEL, ProvinceLevel.of(document));
        }
        return ours;
    }

    /** The source's figures by area: the province, each area (or district), and its province-level item if any. */
    private static Map<String, JsonNode> byArea(JsonNode stats) {
        Map<String, JsonNode> areas = new HashMap<>();
        if (stats.path("areas").isArray()) {
            stats.path("areas").forEach(a -> areas.put(PROVINCE.equals(a.path("level").asText()) ? PROVINCE_LEVEL : a.path("code").asText(), a));
        } else {
            stats.path("districts").forEach(d -> areas.put(d.path("code").asText(), d));
        }
        areas.put(Province.CODE, stats.path("province"));
        return areas;
    }

    private static int compare(String source, Map<String, ToLongFunction<AreaProgress>> figures, Map<String, AreaProgress> ours,
                               Map<String, JsonNode> sourceAreas, List<Difference> differences) {
        int compared = 0;
        for (AreaProgress area : ours.values()) {
            String code = area.code();
            JsonNode sourceArea = sourceAreas.get(code);
            for (Map.Entry<String, ToLongFunction<AreaProgress>> figure : figures.entrySet()) {
                long mine = figure.getValue().applyAsLong(area);
                long theirs = sourceArea == null ? 0 : sourceArea.path(figure.getKey()).asLong();
                compared++;
                if (mine != theirs) {
                    differences.add(new Difference(code, figure.getKey(), source, mine, theirs));
                }
            }
        }
        // An area the source counts but reporting does not know is a difference too.
        for (String code : sourceAreas.keySet()) {
            if (!ours.containsKey(code)) {
                for (String figure : figures.keySet()) {
                    long theirs = sourceAreas.get(code).path(figure).asLong();
                    if (theirs != 0) {
                        differences.add(new Difference(code, figure, source, 0, theirs));
                    }
                }
            }
        }
        return compared;
    }
}
