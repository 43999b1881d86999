package vn.ishc.registry.club;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of a club snapshot event (schema club-snapshot.v1): the club and its de-identified
 * members. Never names, phones or ethnicity.
 */
public record ClubSnapshot(ClubView club, List<MemberFacts> members) {

    /** What reporting needs of a member to count it, and nothing that identifies the person. */
    public record MemberFacts(UUID memberId, String gender, LocalDate birthDate, Integer birthYear, String householdStatus,
                              LocalDate joinedOn, LocalDate leftOn) {
    }
}
