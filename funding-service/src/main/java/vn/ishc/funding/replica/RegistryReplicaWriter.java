package vn.ishc.funding.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.ishc.kit.sql.UnnestRows;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies registry's events to funding's replica a batch at a time, in one transaction with their
 * bookkeeping: each event has the outcome it would have alone ({@link ReplicaLedger}), and only the
 * newest applied state of each aggregate is written, each kind of row in one statement whatever the
 * batch's size (a national rebuild brings 10,000 club snapshots).
 */
@ApplicationScoped
public class RegistryReplicaWriter {

    @Inject
    EntityManager em;

    @Inject
    ReplicaLedger ledger;

    /** Each event's outcome, in order. A unit's event replaces every period of its code. */
    @Transactional
    public List<String> applyAdminUnits(List<ReplicaEvent<String, AdminUnitSnapshot>> events) {
        ReplicaLedger.Decision<String, AdminUnitSnapshot> batch = ledger.decide(events,
                "select code, version from admin_unit_version where code = any(?)", "varchar");
        if (!batch.newest().isEmpty()) {
            writeAdminUnits(inKeyOrder(batch.newest()));
        }
        return batch.outcomes();
    }

    /** Each event's outcome, in order. A club's snapshot replaces the club and all its placements. */
    @Transactional
    public List<String> applyClubs(List<ReplicaEvent<UUID, ClubSnapshot>> events) {
        ReplicaLedger.Decision<UUID, ClubSnapshot> batch = ledger.decide(events,
                "select id, version from club_replica where id = any(?)", "uuid");
        if (!batch.newest().isEmpty()) {
            writeClubs(inKeyOrder(batch.newest()));
        }
        return batch.outcomes();
    }

    private void writeAdminUnits(List<ReplicaEvent<String, AdminUnitSnapshot>> newest) {
        UnnestRows versions = new UnnestRows("varchar", "int8");
        UnnestRows codes = new UnnestRows("varchar");
        UnnestRows periods = new UnnestRows("varchar", "text", "text", "varchar", "varchar", "date", "date");
        for (ReplicaEvent<String, AdminUnitSnapshot> e : newest) {
            versions.add(e.key(), e.event().aggregateVersion());
            codes.add(e.key());
            // Every period of the code, whatever its level: a reused code (05443) has an old and a new period.
            for (AdminUnitSnapshot.Period p : e.data().periods()) {
                periods.add(e.key(), p.name(), p.fullName(), p.level(), p.parentCode(), p.validFrom(), p.validTo());
            }
        }
        versions.execute(session(), """
                insert into admin_unit_version (code, version) select * from unnest(?::varchar[], ?::bigint[])
                on conflict (code) do update set version = excluded.version""");
        codes.execute(session(), "delete from admin_unit_replica where code = any(?::varchar[])");
        if (!periods.isEmpty()) {
            periods.execute(session(), """
                    insert into admin_unit_replica (code, name, full_name, level, parent_code, valid_from, valid_to)
                    select * from unnest(?::varchar[], ?::text[], ?::text[], ?::varchar[], ?::varchar[], ?::date[], ?::date[])""");
        }
    }

    private void writeClubs(List<ReplicaEvent<UUID, ClubSnapshot>> newest) {
        UnnestRows clubs = new UnnestRows("uuid", "int8", "varchar", "varchar", "date", "date", "varchar", "bool");
        UnnestRows ids = new UnnestRows("uuid");
        UnnestRows placements = new UnnestRows("uuid", "date", "date", "varchar", "varchar", "varchar");
        for (ReplicaEvent<UUID, ClubSnapshot> e : newest) {
            ClubSnapshot c = e.data();
            clubs.add(c.id(), e.event().aggregateVersion(), c.districtCode(), c.communeCode(), c.establishedOn(), c.closedOn(), c.status(),
                    c.awaitingSuccessor());
            ids.add(c.id());
            // Two placements from the same day: the later one holds, as when each was written over the other.
            Map<LocalDate, ClubSnapshot.Placement> byStart = new LinkedHashMap<>();
            c.placements().forEach(p -> byStart.put(p.from(), p));
            byStart.values().forEach(p -> placements.add(c.id(), p.from(), p.until(), p.communeCode(), p.districtCode(), p.provinceCode()));
        }
        clubs.execute(session(), """
                insert into club_replica (id, version, district_code, commune_code, established_on, closed_on, status, awaiting_successor)
                select * from unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::varchar[], ?::date[], ?::date[], ?::varchar[], ?::boolean[])
                on conflict (id) do update set version = excluded.version, district_code = excluded.district_code,
                    commune_code = excluded.commune_code, established_on = excluded.established_on,
                    closed_on = excluded.closed_on, status = excluded.status, awaiting_successor = excluded.awaiting_successor""");
        ids.execute(session(), "delete from club_placement_replica where club_id = any(?::uuid[])");
        placements.execute(session(), """
                insert into club_placement_replica (club_id, valid_from, valid_to, commune_code, district_code, province_code)
                select * from unnest(?::uuid[], ?::date[], ?::date[], ?::varchar[], ?::varchar[], ?::varchar[])""");
    }

    /** Rows written in one order by every consumer, so two batches never wait on each other crosswise (deadlock). */
    private static <K, D> List<ReplicaEvent<K, D>> inKeyOrder(Map<K, ReplicaEvent<K, D>> newest) {
        return newest.values().stream().sorted(Comparator.comparing(e -> e.key().toString())).toList();
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
