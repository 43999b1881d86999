package vn.ishc.registry.club;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.ishc.registry.adminunit.AdminUnit;
import vn.ishc.registry.adminunit.AdminUnitLevel;
import vn.ishc.registry.adminunit.Hierarchy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows a club's commune through the dated hierarchy (decision 0013): a rename or change of
 * type goes on under the same code, a whole transfer moves the club to the successor, a split
 * stops at "awaiting a successor" unless one of the candidates has been chosen.
 */
@ApplicationScoped
public class ClubPlacements {

    /** The placements from establishment on, and the candidates when the club awaits a choice. */
    public record Result(List<ClubPlacement> placements, List<String> candidates) {
    }

    @Inject
    Hierarchy hierarchy;

    public Result of(String communeCode, LocalDate establishedOn, String chosenSuccessor) {
        AdminUnit commune = hierarchy.on(communeCode, establishedOn)
                .orElseThrow(() -> new IllegalStateException("commune " + communeCode + " not in force on " + establishedOn));
        List<ClubPlacement> placements = new ArrayList<>();
        LocalDate from = establishedOn;
        while (true) {
            add(placements, new ClubPlacement(from, commune.validTo, commune.code, hierarchy.districtOf(commune, from),
                    hierarchy.provinceOf(commune, from)));
            if (commune.validTo == null) {
                return new Result(placements, List.of());
            }
            from = commune.validTo;
            Optional<AdminUnit> same = hierarchy.continuation(commune);
            List<Hierarchy.Successor> successors = hierarchy.successors(commune);
            if (successors.size() == 1 || (successors.isEmpty() && same.isPresent())) {
                commune = successors.isEmpty() ? same.get() : successors.get(0).unit();
                continue;
            }
            if (successors.isEmpty()) {
                // Merged away with no successor on record (the 2020 changes): the club stays in its district while that lasts,
                // then awaits a choice among the communes that took the district over.
                AdminUnit district = hierarchy.on(commune.parentCode, from).filter(unit -> unit.level == AdminUnitLevel.DISTRICT).orElse(null);
                String province = hierarchy.provinceOf(commune, commune.validTo.minusDays(1));
                LocalDate districtEnds = district == null ? null : hierarchy.lastDay(district);
                add(placements, new ClubPlacement(from, districtEnds, null, district == null ? null : district.code, province));
                if (districtEnds == null) {
                    return new Result(placements, List.of());
                }
                List<AdminUnit> heirs = hierarchy.successorsOfCommunesIn(district.code, districtEnds);
                Optional<AdminUnit> picked = heirs.stream().filter(unit -> unit.code.equals(chosenSuccessor)).findFirst();
                if (picked.isPresent()) {
                    commune = picked.get();
                    from = districtEnds;
                    continue;
                }
                add(placements, new ClubPlacement(districtEnds, null, null, null,
                        heirs.isEmpty() ? province : hierarchy.provinceOf(heirs.get(0), districtEnds)));
                return new Result(placements, heirs.stream().map(unit -> unit.code).toList());
            }
            Optional<Hierarchy.Successor> chosen = successors.stream().filter(s -> s.unit().code.equals(chosenSuccessor)).findFirst();
            if (chosen.isPresent()) {
                commune = chosen.get().unit();
                continue;
            }
            AdminUnit any = successors.get(0).unit();
            add(placements, new ClubPlacement(from, null, null, hierarchy.districtOf(any, from), hierarchy.provinceOf(any, from)));
            return new Result(placements, successors.stream().map(s -> s.unit().code).toList());
        }
    }

    /** Joins a placement to the previous one when the club's area did not change (a rename under the same code). */
    private static void add(List<ClubPlacement> placements, ClubPlacement next) {
        if (!placements.isEmpty()) {
            ClubPlacement last = placements.get(placements.size() - 1);
            if (last.sameAreaAs(next)) {
                placements.set(placements.size() - 1, new ClubPlacement(last.from(), next.until(), last.communeCode(), last.districtCode(),
                        last.provinceCode()));
                return;
            }
        }
        placements.add(next);
    }
}
