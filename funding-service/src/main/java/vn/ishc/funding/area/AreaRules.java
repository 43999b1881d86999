package vn.ishc.funding.area;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ishc.funding.replica.RegistryReplica;
import vn.ishc.funding.replica.RegistryReplica.ClubFacts;
import vn.ishc.funding.replica.RegistryReplica.Placement;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.time.VietnamClock;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides the area a contribution or pledge is recorded to on its date (decision 0013). On a date
 * when the province's districts are in force: a district in force that day, or the province. On a
 * date when communes sit directly under the province: one of those communes, or the province. Which
 * applies comes from the replica of registry's units, never from a date written in code. A named
 * club gives the area: where its placement sits that day.
 */
@ApplicationScoped
public class AreaRules {

    @Inject
    RegistryReplica registry;

    @Inject
    VietnamClock clock;

    @ConfigProperty(name = "ishc.province-code", defaultValue = "19")
    String provinceCode;

    /** The area of an item dated {@code on}; errors are added by field (districtCode, communeCode, clubId). */
    public Area placeOf(String districtCode, String communeCode, UUID clubId, LocalDate on, List<KeyedFieldError> errors) {
        String district = blankToNull(districtCode);
        String commune = blankToNull(communeCode);
        if (on == null) {
            // The date is refused as missing; the area cannot be decided without it.
            return new Area(district, district == null ? commune : null);
        }
        if (on.isAfter(clock.today())) {
            // The date is refused as future: only whether the area or club exists is told, not which map it belongs to.
            return known(district, commune, clubId, on, errors);
        }
        boolean communesEra = registry.communesUnderProvince(on);
        if (district != null && communesEra) {
            LocalDate ended = registry.districtsEndedBy(on).orElse(on);
            errors.add(new KeyedFieldError("districtCode", "area.districtsEnded", ended, on));
            district = null;
        }
        if (commune != null && !communesEra) {
            errors.add(new KeyedFieldError("communeCode", "area.communesNotYet", on));
            commune = null;
        }
        if (clubId != null) {
            return clubArea(clubId, on, district, commune, errors);
        }
        if (commune != null && registry.unitOn(commune, on).filter(u -> !u.isDistrict() && provinceCode.equals(u.parentCode())).isEmpty()) {
            errors.add(new KeyedFieldError("communeCode", "commune.notInForce", commune, on));
        }
        if (district != null) {
            if (!registry.districtExists(district)) {
                errors.add(new KeyedFieldError("districtCode", "district.unknown", district));
            } else if (registry.unitOn(district, on).filter(u -> u.isDistrict() && provinceCode.equals(u.parentCode())).isEmpty()) {
                errors.add(new KeyedFieldError("districtCode", "district.notInForce", registry.areaLabel(district), on));
            }
        }
        return new Area(district, commune);
    }

    private Area known(String district, String commune, UUID clubId, LocalDate on, List<KeyedFieldError> errors) {
        if (clubId != null) {
            return clubArea(clubId, on, district, commune, errors);
        }
        if (district != null && !registry.districtExists(district)) {
            errors.add(new KeyedFieldError("districtCode", "district.unknown", district));
        }
        if (commune != null && registry.unitOn(commune, on).isEmpty()) {
            errors.add(new KeyedFieldError("communeCode", "commune.notInForce", commune, on));
        }
        return new Area(district, district == null ? commune : null);
    }

    /** The club's area on the date: its district if its placement has one, else its commune, else (awaiting a successor) the province. */
    private Area clubArea(UUID clubId, LocalDate on, String district, String commune, List<KeyedFieldError> errors) {
        Optional<ClubFacts> club = registry.club(clubId);
        if (club.isEmpty()) {
            errors.add(new KeyedFieldError("clubId", "club.unknown", clubId.toString()));
            return new Area(district, commune);
        }
        if (club.get().closedOn(on)) {
            errors.add(new KeyedFieldError("clubId", "club.closed", club.get().closedOn()));
        }
        Placement placed = club.get().placementOn(on);
        Area area = placed.districtCode() != null ? new Area(placed.districtCode(), null) : new Area(null, placed.communeCode());
        if (district != null && !district.equals(area.districtCode())) {
            errors.add(new KeyedFieldError("districtCode", "club.otherDistrict", label(area)));
        }
        if (commune != null && !commune.equals(area.communeCode())) {
            errors.add(new KeyedFieldError("communeCode", "club.otherCommune", label(area)));
        }
        return area;
    }

    /** Whether an item of {@code area} dated {@code on} may fulfil a pledge of {@code pledged}: the same area, or the province once the pledge's area has ended. */
    public boolean mayFulfil(Area pledged, Area area, LocalDate on) {
        if (pledged.equals(area)) {
            return true;
        }
        return area.isProvince() && on != null && !pledged.isProvince() && registry.unitOn(pledged.book(), on).isEmpty();
    }

    /** "Phường Phan Đình Phùng (05443)", "Thành phố Thái Nguyên (164)", or the province's code. */
    public String label(Area area) {
        return area.isProvince() ? provinceCode : registry.areaLabel(area.book());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
