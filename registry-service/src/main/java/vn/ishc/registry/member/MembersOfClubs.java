package vn.ishc.registry.member;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ishc.registry.club.ClubMembers;
import vn.ishc.registry.club.ClubSnapshot;
import vn.ishc.registry.club.ClubSummary;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Answers a club's questions about its members (see {@link ClubMembers}). */
@ApplicationScoped
public class MembersOfClubs implements ClubMembers {

    @Override
    public List<ClubSnapshot.MemberFacts> snapshotFacts(UUID clubId) {
        return Member.<Member>list("clubId = ?1 order by joinedOn, id", clubId).stream()
                .map(m -> new ClubSnapshot.MemberFacts(m.id, m.gender.name(), m.birthDate, m.birthYear, m.householdStatus.name(),
                        m.joinedOn, m.leftOn))
                .toList();
    }

    @Override
    public Optional<LocalDate> firstJoinedOn(UUID clubId) {
        return Member.<Member>find("clubId = ?1 order by joinedOn", clubId).firstResultOptional().map(first -> first.joinedOn);
    }

    @Override
    public ClubSummary summaryOn(UUID clubId, LocalDate day) {
        List<Member> active = Member.<Member>list("clubId", clubId).stream().filter(m -> m.activeOn(day)).toList();
        return ClubSummary.of(day, active.size(),
                active.stream().filter(m -> Ages.olderOn(m.birthDate, m.birthYear, day)).count(),
                active.stream().filter(m -> m.gender == Gender.FEMALE).count(),
                active.stream().filter(m -> m.householdStatus == HouseholdStatus.POOR).count(),
                active.stream().filter(m -> m.householdStatus == HouseholdStatus.NEAR_POOR).count(),
                active.stream().filter(m -> m.householdStatus == HouseholdStatus.HARDSHIP).count());
    }
}
