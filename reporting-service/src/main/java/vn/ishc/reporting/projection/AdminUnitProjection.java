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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;


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
     * and after the writes (no contribution or pledge is applied meanwhile: see
     * {@link FigureStore#lockForUnitChanges}) and their difference added, which sums to what the
     * events one at a time would have added.
     */
    @Transactional
    public List<String> apply(List<LedgerBatch.Item<String, AdminUnitSnapshotData>> items) {
        figures.lockForUnitChanges();
        // Every pledge the batch may recompute, locked at once and in order before the units' rows: as the
        // pledge projection takes pledges before its own rows, so that no two transactions wait for each other.
        // Live, the figures' lock held alone already keeps the money projections out; in a replay it is shared.
        List<UUID> pledges = facts.pledgesRecordedTo(items.stream().map(LedgerBatch.Item::key).collect(Collectors.toCollection(TreeSet::new)));
        figures.lockPledges(pledges);
        LedgerBatch<String, AdminUnitSnapshotData> batch = ledger.decide(items, Topics.ADMIN_UNITS, "registry",
                "select code, version from admin_unit_version where code = any(?)", "varchar");
        Map<String, LedgerBatch.Item<String, AdminUnitSnapshotData>> changed = batch.newest();
        if (!changed.isEmpty()) {
            FigureDeltas before = moneyFigures(changed.keySet(), pledges);
            write(changed.values());
            figures.add(FigureDeltas.change(before, moneyFigures(changed.keySet(), pledges)));
            figures.documentsChanged(); // area names, which areas a date shows, coverage
        }
        ledger.advance(batch);
        return batch.outcomes();
    }

    /** Replaces the periods and successors of each unit by those of its snapshot, in one round trip. */
    private void write(Collection<LedgerBatch.Item<String, AdminUnitSnapshotData>> snapshots) {
        UnnestRows versions = new UnnestRows("varchar", "int8");
        UnnestRows periods = new UnnestRows("varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "date", "date");
        UnnestRows successions = new UnnestRows("varchar", "date", "varchar", "bool");
        List<String> codes = new ArrayList<>();
        for (LedgerBatch.Item<String, AdminUnitSnapshotData> item : snapshots) {
            String code = item.key();
            codes.add(code);
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
        RoundTrip.Array replaced = new RoundTrip.Array("varchar", codes);
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
    private FigureDeltas moneyFigures(Collection<String> codes, List<UUID> pledges) {
        List<LocalDate> starts = programmeStarts.all();
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
