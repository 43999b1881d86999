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

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

    /** Applies one event in one transaction: the club, its members and the bookkeeping together. */
    @Transactional
    public Outcome apply(IncomingEvent event) {
        ClubSnapshotData snapshot = read(event);
        UUID clubId = snapshot.club().id();
        figures.lockShared();
        String versionQuery = "select version from club where id = :id";
        return ledger.applyOnce(event, Topics.CLUB_SNAPSHOTS, "registry", versionQuery, clubId, () -> {
            Facts.Club before = facts.club(clubId);
            write(snapshot, event.aggregateVersion());
            List<LocalDate> starts = programmeStarts.all();
            figures.add(FigureDeltas.change(CountingRules.club(before, starts), CountingRules.club(facts(snapshot), starts)));
        });
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

    private ClubSnapshotData read(IncomingEvent event) {
        ClubSnapshotData snapshot;
        try {
            snapshot = json.treeToValue(event.data(), ClubSnapshotData.class);
        } catch (Exception e) {
            throw new UnreadableRecordException("club snapshot data cannot be read", e);
        }
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

    private void write(ClubSnapshotData snapshot, long version) {
        var club = snapshot.club();
        em.createNativeQuery("""
                        insert into club (id, version, name, commune_code, district_code, province_code, established_on, closed_on, status)
                        values (:id, :version, :name, :commune, :district, :province, :established, :closed, :status)
                        on conflict (id) do update set version = excluded.version, name = excluded.name,
                            commune_code = excluded.commune_code, district_code = excluded.district_code,
                            province_code = excluded.province_code, established_on = excluded.established_on,
                            closed_on = excluded.closed_on, status = excluded.status""")
                .setParameter("id", club.id())
                .setParameter("version", version)
                .setParameter("name", club.name())
                .setParameter("commune", club.communeCode())
                .setParameter("district", club.districtCode())
                .setParameter("province", club.provinceCode())
                .setParameter("established", club.establishedOn())
                .setParameter("closed", club.closedOn())
                .setParameter("status", club.status())
                .executeUpdate();
        em.createNativeQuery("delete from club_placement where club_id = :id").setParameter("id", club.id()).executeUpdate();
        for (ClubSnapshotData.Placement p : placements(club)) {
            em.createNativeQuery("""
                            insert into club_placement (club_id, valid_from, valid_to, commune_code, district_code, province_code)
                            values (:id, :from, :until, :commune, :district, :province)
                            on conflict (club_id, valid_from) do nothing""")
                    .setParameter("id", club.id())
                    .setParameter("from", p.from())
                    .setParameter("until", p.until())
                    .setParameter("commune", p.communeCode())
                    .setParameter("district", p.districtCode())
                    .setParameter("province", p.provinceCode())
                    .executeUpdate();
        }
        em.createNativeQuery("delete from club_member where club_id = :id").setParameter("id", club.id()).executeUpdate();
        List<ClubSnapshotData.Member> members = snapshot.members();
        if (members.isEmpty()) {
            return;
        }
        // One statement for all members: a club of 70 is one round trip, not 70.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into club_member (club_id, member_id, gender, birth_date, birth_year, household_status, joined_on, left_on)
                    select ?, m, g, bd, by, h, j, l
                    from unnest(?::uuid[], ?::varchar[], ?::date[], ?::int[], ?::varchar[], ?::date[], ?::date[]) as t(m, g, bd, by, h, j, l)""")) {
                int n = members.size();
                Object[] ids = new Object[n], genders = new Object[n], births = new Object[n], years = new Object[n],
                        households = new Object[n], joined = new Object[n], left = new Object[n];
                for (int i = 0; i < n; i++) {
                    ClubSnapshotData.Member m = members.get(i);
                    ids[i] = m.memberId();
                    genders[i] = m.gender();
                    births[i] = m.birthDate() == null ? null : java.sql.Date.valueOf(m.birthDate());
                    years[i] = m.birthYear();
                    households[i] = m.householdStatus();
                    joined[i] = m.joinedOn() == null ? null : java.sql.Date.valueOf(m.joinedOn());
                    left[i] = m.leftOn() == null ? null : java.sql.Date.valueOf(m.leftOn());
                }
                insert.setObject(1, club.id());
                insert.setArray(2, connection.createArrayOf("uuid", ids));
                insert.setArray(3, connection.createArrayOf("varchar", genders));
                insert.setArray(4, connection.createArrayOf("date", births));
                insert.setArray(5, connection.createArrayOf("int4", years));
                insert.setArray(6, connection.createArrayOf("varchar", households));
                insert.setArray(7, connection.createArrayOf("date", joined));
                insert.setArray(8, connection.createArrayOf("date", left));
                insert.executeUpdate();
            }
        });
    }
}
