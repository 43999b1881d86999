package vn.ishc.registry.adminunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dated administrative units and their successions, held in memory: they change only by a
 * migration, that is with a new deployment, so they are read once per process.
 */
@ApplicationScoped
public class Hierarchy {

    /** A successor of a unit's period: the period of {@code unit}'s code that starts when the old one ended. */
    public record Successor(AdminUnit unit, boolean whole) {
    }

    @Inject
    EntityManager em;

    private volatile Loaded loaded;

    private record Loaded(Map<String, List<AdminUnit>> periods, List<AdminUnitSuccession> successions, String fingerprint) {
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    List<AdminUnit> all = em.createQuery("from AdminUnit", AdminUnit.class).getResultList();
                    all.forEach(em::detach);
                    Map<String, List<AdminUnit>> periods = all.stream()
                            .sorted(Comparator.comparing((AdminUnit u) -> u.validFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                            .collect(Collectors.groupingBy(u -> u.code, Collectors.toList()));
                    List<AdminUnitSuccession> successions = em.createQuery("from AdminUnitSuccession", AdminUnitSuccession.class)
                            .getResultList();
                    successions.forEach(em::detach);
                    loaded = new Loaded(periods, successions, fingerprint(all, successions));
                }
                current = loaded;
            }
        }
        return current;
    }

    /** A digest of every period and succession: it changes when a migration loads a change of the units. */
    public String fingerprint() {
        return loaded().fingerprint();
    }

    private static String fingerprint(List<AdminUnit> units, List<AdminUnitSuccession> successions) {
        java.util.TreeSet<String> lines = new java.util.TreeSet<>();
        units.forEach(u -> lines.add(String.join("|", u.code, u.level.name(), String.valueOf(u.parentCode), String.valueOf(u.validFrom),
                String.valueOf(u.validTo))));
        successions.forEach(s -> lines.add(String.join("|", "→", s.key.code(), s.key.endedOn().toString(), s.key.successorCode(),
                String.valueOf(s.whole))));
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> digest.update((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every period of a code, oldest first. */
    public List<AdminUnit> periods(String code) {
        return loaded().periods().getOrDefault(code, List.of());
    }

    /** The unit a code named on a day. */
    public Optional<AdminUnit> on(String code, LocalDate day) {
        return periods(code).stream().filter(unit -> unit.validOn(day)).findFirst();
    }

    /** The units that took over a period when it ended (empty while it is in force, or when the same code simply goes on). */
    public List<Successor> successors(AdminUnit period) {
        if (period.validTo == null) {
            return List.of();
        }
        return loaded().successions().stream()
                .filter(s -> s.key.code().equals(period.code) && s.key.endedOn().equals(period.validTo))
                .map(s -> new Successor(on(s.key.successorCode(), period.validTo).orElseThrow(
                        () -> new IllegalStateException("successor " + s.key.successorCode() + " of " + period.code + " not in force on " + period.validTo)),
                        s.whole))
                .sorted(Comparator.comparing(s -> s.unit().code))
                .toList();
    }

    /** The units whose territory (all or part) a period took over when it started. */
    public List<Successor> predecessors(AdminUnit period) {
        if (period.validFrom == null) {
            return List.of();
        }
        return loaded().successions().stream()
                .filter(s -> s.key.successorCode().equals(period.code) && s.key.endedOn().equals(period.validFrom))
                .map(s -> new Successor(periods(s.key.code()).stream().filter(p -> period.validFrom.equals(p.validTo)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("predecessor " + s.key.code() + " of " + period.code + " has no period ending " + period.validFrom)),
                        s.whole))
                .sorted(Comparator.comparing(s -> s.unit().code))
                .toList();
    }

    /** The next period of the same code, starting the day this one ends (a rename, a new type or parent). */
    public Optional<AdminUnit> continuation(AdminUnit period) {
        if (period.validTo == null) {
            return Optional.empty();
        }
        return periods(period.code).stream().filter(p -> period.validTo.equals(p.validFrom)).findFirst();
    }

    /** The day a unit ends, following its same-code periods (a district that changed type goes on); null while in force. */
    public LocalDate lastDay(AdminUnit unit) {
        AdminUnit last = unit;
        for (Optional<AdminUnit> next = continuation(last); next.isPresent(); next = continuation(last)) {
            last = next.get();
        }
        return last.validTo;
    }

    /** The units that took over the communes of a district that ended on {@code endedOn}, by code. */
    public List<AdminUnit> successorsOfCommunesIn(String districtCode, LocalDate endedOn) {
        return loaded().periods().values().stream().flatMap(List::stream)
                .filter(unit -> unit.level == AdminUnitLevel.COMMUNE && districtCode.equals(unit.parentCode) && endedOn.equals(unit.validTo))
                .flatMap(unit -> successors(unit).stream().map(Successor::unit))
                .collect(Collectors.toMap(unit -> unit.code, unit -> unit, (a, b) -> a, java.util.TreeMap::new))
                .values().stream().toList();
    }

    /** The district a commune period stood in, or null when it stood directly under a province. */
    public String districtOf(AdminUnit commune, LocalDate day) {
        return on(commune.parentCode, day).filter(parent -> parent.level == AdminUnitLevel.DISTRICT).map(parent -> parent.code).orElse(null);
    }

    /** The province a commune period stood in on a day. */
    public String provinceOf(AdminUnit commune, LocalDate day) {
        AdminUnit parent = on(commune.parentCode, day).orElseThrow(() -> new IllegalStateException("no parent of " + commune.code + " on " + day));
        return parent.level == AdminUnitLevel.PROVINCE ? parent.code : parent.parentCode;
    }
}
