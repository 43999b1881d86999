package vn.ishc.funding.pledge;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ishc.funding.contribution.PledgeTerms;

import java.util.Optional;
import java.util.UUID;

/** Tells the contribution package the terms of a pledge (see {@link PledgeTerms}). */
@ApplicationScoped
public class PledgeTermsLookup implements PledgeTerms {

    @Override
    public Optional<Terms> of(UUID pledgeId) {
        return Pledge.<Pledge>findByIdOptional(pledgeId).map(p -> new Terms(p.donorId, p.districtCode, p.communeCode, p.cancelledOn));
    }
}
