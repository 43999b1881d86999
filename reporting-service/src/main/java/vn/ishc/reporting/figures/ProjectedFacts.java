package vn.ishc.reporting.figures;

import vn.ishc.kit.sql.RoundTrip;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The projected records as the {@link Facts} the counting rules take. The projection package
 * owns those tables and answers; figures only read through this.
 */
public interface ProjectedFacts {

    /** The club as projected now, with its members; null when unknown. */
    Facts.Club club(UUID id);

    /** The clubs as projected now, with their members, by id (unknown ids absent), read in {@code reads}, a round trip the caller sends. */
    RoundTrip.Answer<Map<UUID, Facts.Club>> clubs(RoundTrip reads, Collection<UUID> ids);

    /** The contributions as projected now, by id; unknown ids are absent. */
    Map<UUID, Facts.Contribution> contributions(Collection<UUID> ids);

    /** A contribution as it is being stored: the columns the counting rules read. */
    record StoredContribution(UUID id, String districtCode, String communeCode, long amountVnd, java.time.LocalDate receivedOn,
                              java.time.LocalDate reversedOn, UUID pledgeId) {
    }

    /**
     * The facts of contributions being stored in this transaction, as {@link #contributions} would read
     * them back (the end of the area each is recorded to comes from the administrative units).
     */
    List<Facts.Contribution> contributionsAsStored(List<StoredContribution> stored);

    /** The pledges with the contributions that name them, by id; unknown ids are absent. */
    Map<UUID, Facts.Pledge> pledges(Collection<UUID> ids);

    /** Every club with (or without) its members, one club at a time, streamed. */
    void forEachClub(boolean withMembers, Consumer<Facts.Club> action);

    /** The contribution as projected now; null when unknown. */
    Facts.Contribution contribution(UUID id);

    List<Facts.Contribution> allContributions();

    /** The contributions recorded to any of these districts or communes (their figures move when their periods change). */
    List<Facts.Contribution> contributionsRecordedTo(Collection<String> areas);

    /** The ids of the pledges recorded to any of these districts or communes. */
    List<UUID> pledgesRecordedTo(Collection<String> areas);

    /** The pledge with the contributions that name it; null when unknown or when {@code id} is null. */
    Facts.Pledge pledge(UUID id);

    /** Every pledge, with its fulfilments taken from {@code contributions} (all of them). */
    List<Facts.Pledge> allPledges(List<Facts.Contribution> contributions);
}
