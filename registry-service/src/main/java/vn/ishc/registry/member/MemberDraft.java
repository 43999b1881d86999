package vn.ishc.registry.member;

import java.time.LocalDate;

/** The editable facts of a member, before they are checked and saved (from a POST or a PATCH). */
final class MemberDraft {
    String fullName;
    Gender gender;
    LocalDate birthDate;
    Integer birthYear;
    HouseholdStatus householdStatus;
    Integer householdStatusYear;
    Boolean ethnicMinority;
    String phone;
    LocalDate joinedOn;

    static MemberDraft of(NewMember m) {
        MemberDraft d = new MemberDraft();
        d.fullName = m.fullName();
        d.gender = m.gender();
        d.birthDate = m.birthDate();
        d.birthYear = m.birthYear();
        d.householdStatus = m.householdStatus();
        d.householdStatusYear = m.householdStatusYear();
        d.ethnicMinority = m.ethnicMinority();
        d.phone = m.phone();
        d.joinedOn = m.joinedOn();
        return d;
    }

    static MemberDraft of(Member m) {
        MemberDraft d = new MemberDraft();
        d.fullName = m.fullName;
        d.gender = m.gender;
        d.birthDate = m.birthDate;
        d.birthYear = m.birthYear;
        d.householdStatus = m.householdStatus;
        d.householdStatusYear = m.householdStatusYear;
        d.ethnicMinority = m.ethnicMinority;
        d.phone = m.phone;
        d.joinedOn = m.joinedOn;
        return d;
    }
}
