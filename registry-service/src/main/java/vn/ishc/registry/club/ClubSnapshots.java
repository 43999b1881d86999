package vn.ishc.registry.club;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.outbox.Outbox;
import vn.ishc.registry.events.Topics;
import vn.ishc.registry.member.Member;

import java.util.List;

/**
 * Announces a club's new state: every change to a club or its members bumps the club's version
 * and puts one snapshot, with the de-identified member list, into the outbox.
 */
@ApplicationScoped
public class ClubSnapshots {

    public static final String EVENT_TYPE = "ClubSnapshot";

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Club club) {
        List<ClubSnapshot.MemberFacts> members = Member.<Member>list("clubId = ?1 order by joinedOn, id", club.id).stream()
                .map(m -> new ClubSnapshot.MemberFacts(m.id, m.gender.name(), m.birthDate, m.birthYear, m.householdStatus.name(),
                        m.joinedOn, m.leftOn))
                .toList();
        outbox.record(Topics.CLUB_SNAPSHOTS, EVENT_TYPE, 1, club.id.toString(), club.version,
                new ClubSnapshot(ClubView.of(club), members));
    }
}
