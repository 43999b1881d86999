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
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Compares reporting's progress with the sources' own counts, figure by figure, district by district. */
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
        List<Difference> differences = new ArrayList<>();
        int compared = 0;
        compared += compare("registry", REGISTRY_FIGURES, document, byArea(registry), differences);
        compared += compare("funding", FUNDING_FIGURES, document, byArea(funding), differences);
        return new ReconciliationReport(programmeCode, document.asOf(),
                differences.isEmpty() ? ReconciliationReport.Status.MATCH : ReconciliationReport.Status.MISMATCH, compared, differences);
    }

    /** The source's figures by area code: each district, and the province. */
    private static Map<String, JsonNode> byArea(JsonNode stats) {
        Map<String, JsonNode> areas = new HashMap<>();
        stats.path("districts").forEach(d -> areas.put(d.path("code").asText(), d));
        areas.put(Province.CODE, stats.path("province"));
        return areas;
    }

    private static int compare(String source, Map<String, ToLongFunction<AreaProgress>> figures, ProgressDocument document,
                               Map<String, JsonNode> sourceAreas, List<Difference> differences) {
        List<AreaProgress> areas = new ArrayList<>(document.districts());
        areas.add(document.province());
        int compared = 0;
        for (AreaProgress area : areas) {
            JsonNode sourceArea = sourceAreas.get(area.code());
            for (Map.Entry<String, ToLongFunction<AreaProgress>> figure : figures.entrySet()) {
                long ours = figure.getValue().applyAsLong(area);
                long theirs = sourceArea == null ? 0 : sourceArea.path(figure.getKey()).asLong();
                compared++;
                if (ours != theirs) {
                    differences.add(new Difference(area.code(), figure.getKey(), source, ours, theirs));
                }
            }
        }
        // A district the source counts but reporting does not know is a difference too.
        for (String code : sourceAreas.keySet()) {
            if (areas.stream().noneMatch(a -> a.code().equals(code))) {
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
