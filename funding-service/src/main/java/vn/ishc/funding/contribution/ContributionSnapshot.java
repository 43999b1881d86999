package vn.ishc.funding.contribution;

import vn.ishc.funding.donor.DonorType;

/** The data of a contribution event (schema contribution-snapshot.v1): no donor name or contact, only id and type. */
public record ContributionSnapshot(ContributionView contribution, DonorType donorType) {
}
