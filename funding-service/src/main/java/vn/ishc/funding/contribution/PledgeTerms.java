package vn.ishc.funding.contribution;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What a contribution needs to know of the pledge it fulfils. The pledge package answers, so
 * that pledges depend on contributions (their fulfilment is a sum of them) and not both ways.
 */
public interface PledgeTerms {

    /** Who pledged, where it counts (null: the province) and whether it was cancelled. */
    record Terms(UUID donorId, String districtCode, LocalDate cancelledOn) {
    }

    Optional<Terms> of(UUID pledgeId);
}
