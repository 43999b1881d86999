package vn.ishc.registry.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A member as the API shows it, with the age today and whether the member is an older person.
 * For a viewer, personal data (name, birth date and year, phone, ethnicity) is left out (null).
 */
@Schema(name = "Member")
public record MemberView(UUID id, UUID clubId, String fullName, Gender gender, LocalDate birthDate, Integer birthYear,
                         HouseholdStatus householdStatus, Integer householdStatusYear, Boolean ethnicMinority, String phone,
                         LocalDate joinedOn, LocalDate leftOn, MemberStatus status, long version, int age, boolean older,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Warning> warnings) {

    /** Something the officer should check, which does not stop the request. */
    public record Warning(String code, String message, List<UUID> clubIds) {
    }

    public static MemberView of(Member m, LocalDate today, boolean personalDataVisible, List<Warning> warnings) {
        boolean show = personalDataVisible;
        int age = m.ageOn(today);
        return new MemberView(m.id, m.clubId, show ? m.fullName : null, m.gender, show ? m.birthDate : null,
                show ? m.birthYear : null, m.householdStatus, m.householdStatusYear, show ? m.ethnicMinority : null,
                show ? m.phone : null, m.joinedOn, m.leftOn, m.status, m.version, age, age >= Ages.OLDER_FROM, warnings);
    }
}
