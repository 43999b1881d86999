package vn.ishc.registry.club;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a club needs to know of its members. The member package answers, so that members depend
 * on clubs and not both ways.
 */
public interface ClubMembers {

    /** The de-identified facts of every member, past and present, for the club's snapshot event. */
    List<ClubSnapshot.MemberFacts> snapshotFacts(UUID clubId);

    /** When the club's first member joined, if any has. */
    Optional<LocalDate> firstJoinedOn(UUID clubId);

    /** The club's active members on the day, counted against the norms. */
    ClubSummary summaryOn(UUID clubId, LocalDate day);
}
