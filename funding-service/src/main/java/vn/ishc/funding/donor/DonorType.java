package vn.ishc.funding.donor;

/** Who gives: a person, a business, an organisation, a mass organisation (Hội, Đoàn), the state, an international partner, a club member. */
public enum DonorType {
    INDIVIDUAL, BUSINESS, ORGANIZATION, MASS_ORGANIZATION, GOVERNMENT, INTERNATIONAL, MEMBER;

    /** Names and contacts of people are personal data; those of organisations are not. */
    public boolean isPerson() {
        return this == INDIVIDUAL || this == MEMBER;
    }

    /** The types that are persons (personal data), for queries. */
    public static java.util.List<DonorType> persons() {
        return java.util.Arrays.stream(values()).filter(DonorType::isPerson).toList();
    }
}
