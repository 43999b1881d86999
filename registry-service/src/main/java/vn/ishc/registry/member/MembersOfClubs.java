package vn.ishc.registry.member;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ishc.registry.club.ClubMembers;
import vn.ishc.registry.club.ClubSnapshot;
import vn.ishc.registry.club.ClubSummary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Answers a club's questions about its members (see {@link ClubMembers}). */
@ApplicationScoped
public class MembersOfClubs implements ClubMembers {

    @Override
    public List<ClubSnapshot.MemberFacts> snapshotFacts(UUID clubId) {
        // Only the columns, not the entities: a club's members would otherwise be loaded into the session
        // and checked for changes at each flush until the transaction ends.
        return Member.getEntityManager().createQuery("""
                        select m.id, m.gender, m.birthDate, m.birthYear, m.householdStatus, m.joinedOn, m.leftOn
                        from Member m where m.clubId = :club order by m.joinedOn, m.id""", Object[].class)
                .setParameter("club", clubId)
                .getResultList().stream()
                .map(m -> new ClubSnapshot.MemberFacts((UUID) m[0], ((Gender) m[1]).name(), (LocalDate) m[2], (Integer) m[3],
                        ((HouseholdStatus) m[4]).name(), (LocalDate) m[5], (LocalDate) m[6]))
                .toList();
    }

    /**
     * The list {@link #snapshotFacts} would read once {@code added} is written: in the same order, by
     * joining date then id (PostgreSQL orders uuids by their bytes, as their lower-case text sorts).
     */
    static List<ClubSnapshot.MemberFacts> with(List<ClubSnapshot.MemberFacts> facts, Member added) {
        List<ClubSnapshot.MemberFacts> all = new ArrayList<>(facts);
        all.add(new ClubSnapshot.MemberFacts(added.id, added.gender.name(), added.birthDate, added.birthYear,
                added.householdStatus.name(), added.joinedOn, added.leftOn));
        all.sort(SNAPSHOT_ORDER);
        return all;
    }

    private static final Comparator<ClubSnapshot.MemberFacts> SNAPSHOT_ORDER = Comparator
            .comparing(ClubSnapshot.MemberFacts::joinedOn).thenComparing(f -> f.memberId().toString());

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
