package vn.ishc.funding.donor;

/** Who gives: a person, a business, an organisation, a mass organisation (Hội, Đoàn), the state, an international partner, a club member. */
public enum DonorType {
    INDIVIDUAL, BUSINESS, ORGANIZATION, MASS_ORGANIZATION, GOVERNMENT, INTERNATIONAL, MEMBER;

    /** Names and contacts of people are personal data; those of organisations are not. */
    public boolean isPerson() {
        return this == INDIVIDUAL || this == MEMBER;
    }
}
