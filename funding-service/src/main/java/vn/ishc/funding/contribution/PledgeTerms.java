package vn.ishc.funding.contribution;

import vn.ishc.funding.area.Area;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What a contribution needs to know of the pledge it fulfils. The pledge package answers, so
 * that pledges depend on contributions (their fulfilment is a sum of them) and not both ways.
 */
public interface PledgeTerms {

    /** Who pledged, where it counts (both null: the province) and whether it was cancelled. */
    record Terms(UUID donorId, String districtCode, String communeCode, LocalDate cancelledOn) {

        public Area area() {
            return new Area(districtCode, communeCode);
        }
    }

    Optional<Terms> of(UUID pledgeId);
}
