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
@Schema(name = "Member", example = """
        {"id": "0b6f3f7e-8f0e-4a59-9a43-1f3c2b9d7e11", "clubId": "4ce78d5b-c381-4ef3-a1a9-08d9936622b1",
         "fullName": "Nguyễn Thị Lan", "gender": "FEMALE", "birthDate": null, "birthYear": 1955,
         "householdStatus": "NEAR_POOR", "householdStatusYear": 2018, "ethnicMinority": false, "phone": "0912 345 678",
         "joinedOn": "2018-04-01", "leftOn": null, "status": "ACTIVE", "version": 1, "age": 71, "older": true,
         "warnings": [{"code": "POSSIBLE_DUPLICATE",
                       "message": "Một người cùng họ tên và ngày sinh đang là hội viên của câu lạc bộ khác trong huyện.",
                       "clubIds": ["9d1c0a52-3a4e-4c1b-8f7e-2b6a5d4c3e21"]}]}""")
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
