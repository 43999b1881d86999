package vn.ishc.reporting.projection;

import vn.ishc.reporting.config.Topics;

import vn.ishc.kit.events.IncomingEvent;
import vn.ishc.kit.events.UnreadableRecordException;
import vn.ishc.kit.sql.RoundTrip;
import vn.ishc.kit.sql.UnnestRows;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.ishc.reporting.figures.CountingRules;
import vn.ishc.reporting.figures.FigureDeltas;
import vn.ishc.reporting.figures.FigureStore;
import vn.ishc.reporting.figures.ProgrammeStarts;
import vn.ishc.reporting.figures.ProjectedFacts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/** Keeps every dated period of every administrative unit and the successors of ended ones, from registry.admin-units.v1. */
@ApplicationScoped
public class AdminUnitProjection {


    @Inject
    EntityManager em;

    @Inject
    ProjectionLedger ledger;

    @Inject
    ObjectMapper json;

    @Inject
    FigureStore figures;

    @Inject
    ProjectedFacts facts;

    @Inject
    ProgrammeStarts programmeStarts;

    /** Reads an administrative unit snapshot event; throws {@link UnreadableRecordException} when it is not one. */
    public LedgerBatch.Item<String, AdminUnitSnapshotData> read(String value) {
        IncomingEvent.Typed<AdminUnitSnapshotData> read = IncomingEvent.read(json, value, AdminUnitSnapshotData.class);
        AdminUnitSnapshotData snapshot = checked(read.event(), read.data());
        return new LedgerBatch.Item<>(read.event(), snapshot, snapshot.code());
    }

    /**
     * Applies a batch in one transaction, as a set: the ledger decides every event's outcome as if
     * they came one at a time, and the newest snapshot of each unit that changed is written, all
     * units in one round trip. Each unit may move the figures of the money recorded to it, which
     * counts at province level from the day the unit ends: that money's figures are computed before
     * and after the writes and their difference added, which sums to what the events one at a time
     * would have added.
     */
    @Transactional
    public List<String> apply(List<LedgerBatch.Item<String, AdminUnitSnapshotData>> items) {
        // Alone, not shared: no contribution or pledge may be applied while the periods its area counts by
        // change (it would count by the old ones, or twice), and none holds a pledge's lock meanwhile.
        // Units change rarely (a first start, a reform; a replay's first 0.1 s).
        figures.lockExclusive();
        LedgerBatch<String, AdminUnitSnapshotData> batch = ledger.decide(items, Topics.ADMIN_UNITS, "registry",
                "select code, version from admin_unit_version where code = any(?)", "varchar");
        Map<String, LedgerBatch.Item<String, AdminUnitSnapshotData>> changed = batch.newest();
        if (!changed.isEmpty()) {
            List<LocalDate> starts = programmeStarts.all();
            List<UUID> pledges = facts.pledgesRecordedTo(changed.keySet());
            FigureDeltas before = moneyFigures(changed.keySet(), pledges, starts);
            write(changed);
            figures.add(FigureDeltas.change(before, moneyFigures(changed.keySet(), pledges, starts)));
            figures.documentsChanged(); // area names, which areas a date shows, coverage
        }
        ledger.advance(batch);
        return batch.outcomes();
    }

    /** Replaces the periods and successors of each unit by those of its snapshot, in one round trip. */
    private void write(Map<String, LedgerBatch.Item<String, AdminUnitSnapshotData>> snapshots) {
        UnnestRows versions = new UnnestRows("varchar", "int8");
        UnnestRows periods = new UnnestRows("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "date", "date");
        UnnestRows successions = new UnnestRows("varchar", "date", "varchar", "bool");
        for (LedgerBatch.Item<String, AdminUnitSnapshotData> item : snapshots.values()) {
            String code = item.key();
            versions.add(code, item.event().aggregateVersion());
            for (AdminUnitSnapshotData.Period period : item.data().periods()) {
                periods.add(code, period.name(), period.fullName(), period.level(), period.unitType(), period.parentCode(), period.validFrom(),
                        period.validTo());
                if (period.successors() != null && period.validTo() != null) {
                    period.successors().forEach(successor ->
                            successions.add(code, period.validTo(), successor.code(), Boolean.TRUE.equals(successor.whole())));
                }
            }
        }
        RoundTrip.Array replaced = new RoundTrip.Array("varchar", List.copyOf(snapshots.keySet()));
        new RoundTrip()
                .update("""
                        insert into admin_unit_version (code, version) select * from unnest(?::varchar[], ?::bigint[])
                        on conflict (code) do update set version = excluded.version""", versions.arrays())
                .update("delete from admin_unit_period where code = any(?)", replaced)
                .update("delete from admin_unit_succession where code = any(?)", replaced)
                .update("""
                        insert into admin_unit_period (code, name, full_name, level, unit_type, parent_code, valid_from, valid_to)
                        select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::date[])""",
                        periods.arrays())
                .update("""
                        insert into admin_unit_succession (code, valid_to, successor_code, whole)
                        select * from unnest(?::varchar[], ?::date[], ?::varchar[], ?::boolean[]) on conflict do nothing""", successions.arrays())
                .send(em.unwrap(Session.class));
    }

    /** The figures of the contributions recorded to these units and of these pledges, as they now stand. */
    private FigureDeltas moneyFigures(Collection<String> codes, List<UUID> pledges, List<LocalDate> starts) {
        FigureDeltas deltas = new FigureDeltas();
        facts.contributionsRecordedTo(codes).forEach(c -> deltas.plus(CountingRules.contribution(c, starts)));
        facts.pledges(pledges).values().forEach(p -> deltas.plus(CountingRules.pledge(p)));
        return deltas;
    }

    private static AdminUnitSnapshotData checked(IncomingEvent event, AdminUnitSnapshotData snapshot) {
        if (snapshot.code() == null || !snapshot.code().equals(event.aggregateId()) || snapshot.periods() == null
                || snapshot.periods().isEmpty()
                || snapshot.periods().stream().anyMatch(p -> p.name() == null || p.fullName() == null || p.level() == null || p.unitType() == null)
                || snapshot.periods().stream().anyMatch(p -> p.successors() != null
                        && p.successors().stream().anyMatch(s -> s == null || s.code() == null))) {
            throw new UnreadableRecordException("admin unit snapshot lacks its code, its periods or a successor's code");
        }
        return snapshot;
    }
}
