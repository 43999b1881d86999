package vn.ishc.funding.stats;

import vn.ishc.funding.replica.RegistryReplica;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Funding's totals by the areas in force on a date (decision 0013): the province's children that
 * day. An item counts in the area it was recorded to while that area is in force; otherwise (a
 * district that has ended, no area at all) it counts at province level.
 */
final class AreasInForce {

    private final String provinceCode;
    private final Map<String, String> levels = new LinkedHashMap<>();
    private final Map<String, AreaTotals> totals = new LinkedHashMap<>();
    private AreaTotals province;

    AreasInForce(RegistryReplica registry, String provinceCode, LocalDate asOf) {
        this.provinceCode = provinceCode;
        this.province = AreaTotals.empty(provinceCode);
        for (RegistryReplica.Unit unit : registry.areasOn(asOf)) {
            levels.put(unit.code(), unit.level());
            totals.put(unit.code(), AreaTotals.empty(unit.code()));
        }
    }

    /** Adds an item's amounts to the area it was recorded to ({@code code}: its district or commune, null: the province). */
    void add(String code, AreaTotals amounts) {
        if (code != null && totals.containsKey(code)) {
            totals.merge(code, amounts, AreaTotals::plus);
        } else {
            province = province.plus(amounts);
        }
    }

    /** The areas in code order, then the province-level line. */
    List<AreaLine> lines() {
        List<AreaLine> lines = new ArrayList<>();
        totals.forEach((code, t) -> lines.add(AreaLine.of(levels.get(code), t)));
        lines.add(AreaLine.of("PROVINCE", new AreaTotals(provinceCode, province.receivedVnd(), province.cashVnd(), province.inKindVnd(),
                province.labourVnd(), province.pledgedOutstandingVnd())));
        return lines;
    }
}
