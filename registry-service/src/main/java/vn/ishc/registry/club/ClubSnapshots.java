package vn.ishc.registry.club;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.outbox.Outbox;
import vn.ishc.registry.events.Topics;

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

    @Inject
    ClubMembers members;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Club club) {
        publish(club, members.snapshotFacts(club.id));
    }

    /** With the member list as it stands, which the caller already holds. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Club club, List<ClubSnapshot.MemberFacts> memberFacts) {
        outbox.record(Topics.CLUB_SNAPSHOTS, EVENT_TYPE, 1, club.id.toString(), club.version,
                new ClubSnapshot(ClubView.of(club), memberFacts));
    }
}
