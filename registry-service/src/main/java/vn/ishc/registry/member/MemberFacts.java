package vn.ishc.registry.member;

import java.time.LocalDate;

/** A member's facts as an import row gives them, before the API's rules are applied. */
public record MemberFacts(String fullName, Gender gender, LocalDate birthDate, Integer birthYear, HouseholdStatus householdStatus,
                          Integer householdStatusYear, Boolean ethnicMinority, String phone, LocalDate joinedOn) {

    MemberDraft draft() {
        MemberDraft d = new MemberDraft();
        d.fullName = fullName;
        d.gender = gender;
        d.birthDate = birthDate;
        d.birthYear = birthYear;
        d.householdStatus = householdStatus;
        d.householdStatusYear = householdStatusYear;
        d.ethnicMinority = ethnicMinority;
        d.phone = phone;
        d.joinedOn = joinedOn;
        return d;
    }

    static MemberFacts of(MemberDraft d) {
        return new MemberFacts(d.fullName, d.gender, d.birthDate, d.birthYear, d.householdStatus, d.householdStatusYear, d.ethnicMinority,
                d.phone, d.joinedOn);
    }
}
