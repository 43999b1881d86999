package vn.ishc.funding.pledge;

import vn.ishc.funding.donor.DonorType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of a pledge event (schema pledge-snapshot.v1). Fulfilment is not in it: consumers derive
 * it from the contributions that name the pledge, as of the date they report on.
 */
public record PledgeSnapshot(UUID id, UUID donorId, DonorType donorType, long amountVnd, LocalDate pledgedOn, LocalDate dueOn,
                             String districtCode, String communeCode, UUID clubId, LocalDate cancelledOn, long version) {

    static PledgeSnapshot of(Pledge p, DonorType donorType) {
        return new PledgeSnapshot(p.id, p.donorId, donorType, p.amountVnd, p.pledgedOn, p.dueOn, p.districtCode, p.communeCode, p.clubId,
                p.cancelledOn, p.version);
    }
}
