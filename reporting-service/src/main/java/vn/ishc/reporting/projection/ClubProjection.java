package vn.ishc.reporting.projection;

import vn.ishc.reporting.config.Topics;

import vn.ishc.reporting.figures.ProgrammeStarts;
import vn.ishc.reporting.figures.ProjectedFacts;

import vn.ishc.kit.events.UnreadableRecordException;

import vn.ishc.kit.events.IncomingEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.reporting.projection.ProjectionLedger.Outcome;

import vn.ishc.reporting.figures.CountingRules;
import vn.ishc.reporting.figures.Facts;
import vn.ishc.reporting.figures.FigureDeltas;
import vn.ishc.reporting.figures.FigureStore;

import org.hibernate.Session;
import vn.ishc.kit.sql.RoundTrip;
import vn.ishc.kit.sql.UnnestRows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Keeps the newest snapshot of every club and its members, from registry.club-snapshots.v1. */
@ApplicationScoped
public class ClubProjection {


    @Inject
    ProjectedFacts facts;

    @Inject
    ProgrammeStarts programmeStarts;

    @Inject
    EntityManager em;

    @Inject
    ProjectionLedger ledger;

    @Inject
    ObjectMapper json;

    @Inject
    FigureStore figures;

    /** Reads a club snapshot event; throws {@link UnreadableRecordException} when it is not one. */
    public LedgerBatch.Item<UUID, ClubSnapshotData> read(String value) {
        IncomingEvent.Typed<ClubSnapshotData> read = IncomingEvent.read(json, value, ClubSnapshotData.class);
        ClubSnapshotData snapshot = checked(read.event(), read.data());
        return new LedgerBatch.Item<>(read.event(), snapshot, snapshot.club().id());
    }

    /**
     * Applies a batch of snapshots in one transaction, each with its own outcome as if applied alone
     * ({@link ProjectionLedger#decide}): the newest snapshot of each club replaces its club, placements
     * and members, and the figures move by what the clubs count now minus what they counted before.
     * Two round trips whatever the batch's size, and the commit: every read (the figures' lock, the
     * programmes' starts, the ledger, the clubs' versions locked, then the clubs as they were), then
     * every write. A live batch is mostly one or two snapshots, and on a busy machine each round trip
     * waits for a core: 14 of them made a batch's transaction take 13 ms.
     */
    @Transactional
    public List<String> apply(List<LedgerBatch.Item<UUID, ClubSnapshotData>> items) {
        RoundTrip reads = figures.lockShared(new RoundTrip());
        RoundTrip.Answer<List<LocalDate>> starts = programmeStarts.all(reads);
        Supplier<LedgerBatch<UUID, ClubSnapshotData>> decided = ledger.decide(reads, items, Topics.CLUB_SNAPSHOTS, "registry",
                "select id, version from club where id = any(?)", "uuid");
        // every club of the batch, read after the ledger has locked them: most are the batch's newest
        RoundTrip.Answer<Map<UUID, Facts.Club>> before = facts.clubs(reads, items.stream().map(LedgerBatch.Item::key).distinct().toList());
        reads.send(session());
        LedgerBatch<UUID, ClubSnapshotData> batch = decided.get();
        RoundTrip writes = new RoundTrip();
        if (!batch.newest().isEmpty()) {
            List<LedgerBatch.Item<UUID, ClubSnapshotData>> newest = List.copyOf(batch.newest().values());
            write(newest, writes);
            FigureDeltas change = new FigureDeltas();
            for (LedgerBatch.Item<UUID, ClubSnapshotData> item : newest) {
                change.plus(CountingRules.club(facts(item.data()), starts.get()))
                        .minus(CountingRules.club(before.get().get(item.key()), starts.get()));
            }
            figures.add(change, writes);
        }
        ledger.advance(batch, writes);
        writes.send(session());
        return batch.outcomes();
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static Facts.Club facts(ClubSnapshotData snapshot) {
        var club = snapshot.club();
        List<Facts.Place> places = placements(club).stream()
                .map(p -> new Facts.Place(p.from(), p.until(), ProjectedFactsReader.area(p.districtCode(), p.communeCode(), p.provinceCode())))
                .toList();
        return new Facts.Club(places, club.establishedOn(), club.closedOn(), snapshot.members().stream()
                .map(m -> new Facts.Member(m.gender(), m.birthDate(), m.birthYear(), m.householdStatus(), m.joinedOn(), m.leftOn()))
                .toList());
    }

    /** The club's placements; an event from before placements existed means one, where it was registered, from its establishment. */
    static List<ClubSnapshotData.Placement> placements(ClubSnapshotData.Club club) {
        if (club.placements() == null || club.placements().isEmpty()) {
            return List.of(new ClubSnapshotData.Placement(club.establishedOn(), null, club.communeCode(), club.districtCode(), club.provinceCode()));
        }
        return club.placements();
    }

    private static ClubSnapshotData checked(IncomingEvent event, ClubSnapshotData snapshot) {
        var club = snapshot.club();
        if (club == null || club.id() == null || !club.id().toString().equals(event.aggregateId()) || club.communeCode() == null
                || club.establishedOn() == null || snapshot.members() == null) {
            throw new UnreadableRecordException("club snapshot lacks the club, its id, commune or dates");
        }
        if (club.placements() != null && club.placements().stream().anyMatch(p -> p == null || p.from() == null)) {
            throw new UnreadableRecordException("club snapshot has a placement without its first day");
        }
        for (ClubSnapshotData.Member m : snapshot.members()) {
            if (m == null || m.memberId() == null || m.gender() == null || m.householdStatus() == null || m.joinedOn() == null) {
                throw new UnreadableRecordException("club snapshot has a member without id, gender, household status or joining date");
            }
        }
        return snapshot;
    }

    /**
     * Deletes the members a batch's snapshots no longer name, given (club, member) for each member
     * named and (club, null) for each club. The clubs' members are found through the table's key
     * (club_id first): "club_id in (select … from kept)" was planned as a scan of the whole table,
     * since the planner guesses 200 distinct clubs in an unnested array; at 600,000 members that is
     * 160 ms per batch, where a lookup by key takes 4–8 ms.
     */
    static final String REMOVED_MEMBERS = """
            with kept as (select * from unnest(?::uuid[], ?::uuid[]) as k(club_id, member_id))
            delete from club_member m
            where m.club_id = any (array(select distinct club_id from kept))
              and not exists (select 1 from kept k where k.club_id = m.club_id and k.member_id = m.member_id)""";

    /**
     * Adds to {@code writes} the clubs with their placements and members, each kind in one statement
     * whatever the batch's size (arrays unnested on the server): a batch of 500 clubs of 60 members
     * is five statements, not 30,000.
     */
    private static void write(List<LedgerBatch.Item<UUID, ClubSnapshotData>> newest, RoundTrip writes) {
        UnnestRows clubs = new UnnestRows("uuid", "int8", "varchar", "varchar", "varchar", "varchar", "date", "date", "varchar");
        UnnestRows placements = new UnnestRows("uuid", "date", "date", "varchar", "varchar", "varchar");
        UnnestRows members = new UnnestRows("uuid", "uuid", "varchar", "date", "int4", "varchar", "date", "date");
        // (club, member) for each member a snapshot names, and (club, null) for each club, even one without members
        UnnestRows kept = new UnnestRows("uuid", "uuid");
        List<UUID> ids = new java.util.ArrayList<>(newest.size());
        for (LedgerBatch.Item<UUID, ClubSnapshotData> item : newest) {
            var club = item.data().club();
            ids.add(club.id());
            kept.add(club.id(), null);
            clubs.add(club.id(), item.event().aggregateVersion(), club.name(), club.communeCode(), club.districtCode(), club.provinceCode(),
                    club.establishedOn(), club.closedOn(), club.status());
            for (ClubSnapshotData.Placement p : placements(club)) {
                placements.add(club.id(), p.from(), p.until(), p.communeCode(), p.districtCode(), p.provinceCode());
            }
            for (ClubSnapshotData.Member m : item.data().members()) {
                members.add(club.id(), m.memberId(), m.gender(), m.birthDate(), m.birthYear(), m.householdStatus(), m.joinedOn(), m.leftOn());
                kept.add(club.id(), m.memberId());
            }
        }
        writes.update("""
                insert into club (id, version, name, commune_code, district_code, province_code, established_on, closed_on, status)
                select * from unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[],
                                     ?::varchar[])
                on conflict (id) do update set version = excluded.version, name = excluded.name,
                    commune_code = excluded.commune_code, district_code = excluded.district_code,
                    province_code = excluded.province_code, established_on = excluded.established_on,
                    closed_on = excluded.closed_on, status = excluded.status""", clubs.arrays());
        writes.update("delete from club_placement where club_id = any(?)", new RoundTrip.Array("uuid", ids));
        // Members are written as they changed, not deleted and inserted again: a snapshot comes after each change
        // to one member, and rewriting the club's 50–70 rows each time left that many dead rows for vacuum.
        writes.update(REMOVED_MEMBERS, kept.arrays());
        if (!placements.isEmpty()) {
            writes.update("""
                    insert into club_placement (club_id, valid_from, valid_to, commune_code, district_code, province_code)
                    select * from unnest(?::uuid[], ?::date[], ?::date[], ?::varchar[], ?::varchar[], ?::varchar[])
                    on conflict (club_id, valid_from) do nothing""", placements.arrays());
        }
        if (!members.isEmpty()) {
            writes.update("""
                    insert into club_member (club_id, member_id, gender, birth_date, birth_year, household_status, joined_on, left_on)
                    select * from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::date[], ?::int[], ?::varchar[], ?::date[], ?::date[])
                    on conflict (club_id, member_id) do update set gender = excluded.gender, birth_date = excluded.birth_date,
                        birth_year = excluded.birth_year, household_status = excluded.household_status,
                        joined_on = excluded.joined_on, left_on = excluded.left_on
                    where (club_member.gender, club_member.birth_date, club_member.birth_year, club_member.household_status,
                           club_member.joined_on, club_member.left_on)
                          is distinct from (excluded.gender, excluded.birth_date, excluded.birth_year, excluded.household_status,
                                            excluded.joined_on, excluded.left_on)""", members.arrays());
        }
    }
}
