package vn.ishc.registry.club;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.outbox.Outbox;
import vn.ishc.registry.events.Topics;


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
        outbox.record(Topics.CLUB_SNAPSHOTS, EVENT_TYPE, 1, club.id.toString(), club.version,
                new ClubSnapshot(ClubView.of(club), members.snapshotFacts(club.id)));
    }
}
