package vn.ishc.reporting.projection;

import vn.ishc.reporting.config.Topics;

import vn.ishc.kit.events.UnreadableRecordException;

import vn.ishc.kit.events.IncomingEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.reporting.figures.CountingRules;
import vn.ishc.reporting.figures.FigureDeltas;
import vn.ishc.reporting.figures.FigureStore;
import vn.ishc.reporting.figures.ProgrammeStarts;
import vn.ishc.reporting.figures.ProjectedFacts;
import vn.ishc.reporting.projection.ProjectionLedger.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
     * Applies a batch in one transaction, one event after the other: administrative units change
     * rarely (a few hundred at a first start), and each may move the figures of the money recorded to it.
     */
    @Transactional
    public List<String> apply(List<LedgerBatch.Item<String, AdminUnitSnapshotData>> items) {
        figures.lockShared();
        // Every pledge the batch may recompute, locked at once and in order before any row: as the
        // contribution and pledge projections do, so that no two transactions wait for each other.
        Set<UUID> pledges = new TreeSet<>();
        items.forEach(item -> pledges.addAll(facts.pledgesRecordedTo(item.key())));
        figures.lockPledges(pledges);
        Instant through = null;
        List<String> outcomes = new ArrayList<>(items.size());
        for (LedgerBatch.Item<String, AdminUnitSnapshotData> item : items) {
            Outcome outcome = apply(item.event(), item.data());
            outcomes.add(outcome == null ? ProjectionLedger.DUPLICATE : outcome.name());
            if (outcome != null && (through == null || item.event().occurredAt().isAfter(through))) {
                through = item.event().occurredAt();
            }
        }
        if (through != null) {
            ledger.advance("registry", through);
        }
        return outcomes;
    }

    private Outcome apply(IncomingEvent event, AdminUnitSnapshotData snapshot) {
        String code = snapshot.code();
        String versionQuery = "select version from admin_unit_version where code = :id";
        return ledger.applyOnce(event, Topics.ADMIN_UNITS, versionQuery, code, () -> {
            // Money recorded to this code counts at province level from the day it ends: when its
            // periods change, so may that day.
            List<UUID> pledges = facts.pledgesRecordedTo(code);
            figures.lockPledges(pledges);
            FigureDeltas before = moneyFigures(code, pledges);
            em.createNativeQuery("""
                            insert into admin_unit_version (code, version) values (:code, :version)
                            on conflict (code) do update set version = excluded.version""")
                    .setParameter("code", code).setParameter("version", event.aggregateVersion()).executeUpdate();
            em.createNativeQuery("delete from admin_unit_period where code = :code").setParameter("code", code).executeUpdate();
            em.createNativeQuery("delete from admin_unit_succession where code = :code").setParameter("code", code).executeUpdate();
            for (AdminUnitSnapshotData.Period period : snapshot.periods()) {
                em.createNativeQuery("""
                                insert into admin_unit_period (code, name, full_name, level, unit_type, parent_code, valid_from, valid_to)
                                values (:code, :name, :fullName, :level, :unitType, :parent, :from, :to)""")
                        .setParameter("code", code)
                        .setParameter("name", period.name())
                        .setParameter("fullName", period.fullName())
                        .setParameter("level", period.level())
                        .setParameter("unitType", period.unitType())
                        .setParameter("parent", period.parentCode())
                        .setParameter("from", period.validFrom())
                        .setParameter("to", period.validTo())
                        .executeUpdate();
                writeSuccessors(code, period);
            }
            figures.add(FigureDeltas.change(before, moneyFigures(code, pledges)));
            figures.documentsChanged(); // area names, which areas a date shows, coverage
        });
    }

    private FigureDeltas moneyFigures(String code, List<UUID> pledges) {
        List<LocalDate> starts = programmeStarts.all();
        FigureDeltas deltas = new FigureDeltas();
        facts.contributionsRecordedTo(code).forEach(c -> deltas.plus(CountingRules.contribution(c, starts)));
        pledges.forEach(p -> deltas.plus(CountingRules.pledge(facts.pledge(p))));
        return deltas;
    }

    private void writeSuccessors(String code, AdminUnitSnapshotData.Period period) {
        if (period.successors() == null || period.validTo() == null) {
            return;
        }
        for (AdminUnitSnapshotData.Successor successor : period.successors()) {
            em.createNativeQuery("""
                            insert into admin_unit_succession (code, valid_to, successor_code, whole) values (:code, :to, :successor, :whole)
                            on conflict do nothing""")
                    .setParameter("code", code)
                    .setParameter("to", period.validTo())
                    .setParameter("successor", successor.code())
                    .setParameter("whole", Boolean.TRUE.equals(successor.whole()))
                    .executeUpdate();
        }
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
