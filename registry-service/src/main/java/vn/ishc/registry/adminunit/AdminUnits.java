package vn.ishc.registry.adminunit;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Queries over the dated administrative units. */
@ApplicationScoped
public class AdminUnits {

    public List<AdminUnit> find(AdminUnitLevel level, String parentCode, LocalDate asOf) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (level != null) {
            query.append(" and level = :level");
            params.and("level", level);
        }
        if (parentCode != null) {
            query.append(" and parentCode = :parent");
            params.and("parent", parentCode);
        }
        if (asOf != null) {
            query.append(" and (validFrom is null or validFrom <= :asOf) and (validTo is null or validTo > :asOf)");
            params.and("asOf", asOf);
        }
        query.append(" order by code, validFrom nulls first");
        return AdminUnit.list(query.toString(), params);
    }

    /** Each unit once, in its latest period, from periods ordered by code and then start. */
    public static List<AdminUnit> latestPeriods(List<AdminUnit> periods) {
        Map<String, AdminUnit> latest = new LinkedHashMap<>();
        periods.forEach(period -> latest.put(period.code, period));
        return List.copyOf(latest.values());
    }

    /** Every period of one code, oldest first. */
    public List<AdminUnit> history(String code) {
        return AdminUnit.list("code = ?1 order by validFrom nulls first", code);
    }

    public Optional<AdminUnit> commune(String code, LocalDate on) {
        return history(code).stream()
                .filter(unit -> unit.level == AdminUnitLevel.COMMUNE && unit.validOn(on))
                .findFirst();
    }

    public boolean communeExists(String code) {
        return AdminUnit.count("code = ?1 and level = ?2", code, AdminUnitLevel.COMMUNE) > 0;
    }

    /**
     * The unit a code names on a day or, when it no longer exists then, as it last was (a district
     * after 2025-06-30): how messages name an area by its name.
     */
    public Optional<AdminUnit> lastKnownOn(String code, LocalDate on) {
        List<AdminUnit> started = history(code).stream().filter(unit -> unit.validFrom == null || !unit.validFrom.isAfter(on)).toList();
        return started.isEmpty() ? Optional.empty() : Optional.of(started.get(started.size() - 1));
    }

    public Optional<AdminUnit> unitOn(String code, LocalDate on) {
        return history(code).stream().filter(unit -> unit.validOn(on)).findFirst();
    }
}
