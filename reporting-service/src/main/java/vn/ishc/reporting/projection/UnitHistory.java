package vn.ishc.reporting.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every projected period of every unit code and the successors of the periods that ended, held in
 * memory for one computation (a few hundred rows). Codes are reused across the 2025 reform, so every
 * question takes a date.
 */
public final class UnitHistory {

    /** One period of a code: from (inclusive, null = before the earliest list) until (exclusive, null = still). */
    public record Period(String code, String fullName, String level, String parentCode, LocalDate validFrom, LocalDate validTo) {

        boolean inForceOn(LocalDate day) {
            return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || validTo.isAfter(day));
        }
    }

    private final Map<String, List<Period>> periods = new HashMap<>();
    private final Map<String, List<String>> successors = new HashMap<>();

    UnitHistory(List<Period> all, Map<String, List<String>> successorsByEnd) {
        all.forEach(p -> periods.computeIfAbsent(p.code(), c -> new ArrayList<>()).add(p));
        successors.putAll(successorsByEnd);
    }

    static String endKey(String code, LocalDate validTo) {
        return code + "@" + validTo;
    }

    /** The period of the code in force on the day, if any. */
    public Period on(String code, LocalDate day) {
        for (Period p : periods.getOrDefault(code, List.of())) {
            if (p.inForceOn(day)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The first day, on or after {@code day}, on which the code is no longer in force, following
     * same-code continuations (a rename, a new parent); null while it stays in force, or for a code
     * not announced yet. A code announced but not in force on the day ends on that day.
     */
    public LocalDate endOf(String code, LocalDate day) {
        if (!periods.containsKey(code)) {
            return null;
        }
        LocalDate at = day;
        for (Period p = on(code, at); p != null; p = on(code, at)) {
            if (p.validTo() == null) {
                return null;
            }
            at = p.validTo();
        }
        return at;
    }

    /**
     * The codes in force on {@code day} that took over (wholly or in part, possibly over several
     * changes) the territory of the period of {@code code} that ended on {@code end}: its listed
     * successors, and the same code when a new period of it starts that day.
     */
    public Set<String> successorsOn(String code, LocalDate end, LocalDate day) {
        Set<String> found = new LinkedHashSet<>();
        follow(code, end, day, found, 0);
        return found;
    }

    private void follow(String code, LocalDate end, LocalDate day, Set<String> found, int depth) {
        if (depth > 20 || end.isAfter(day)) {
            return;
        }
        Set<String> next = new LinkedHashSet<>(successors.getOrDefault(endKey(code, end), List.of()));
        if (on(code, end) != null) {
            next.add(code);
        }
        for (String successor : next) {
            Period started = on(successor, end);
            if (started == null) {
                continue;
            }
            if (started.inForceOn(day)) {
                found.add(successor);
            } else if (started.validTo() != null) {
                follow(successor, started.validTo(), day, found, depth + 1);
            }
        }
    }
}
