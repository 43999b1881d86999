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
import vn.ishc.reporting.figures.CountingRules;
import vn.ishc.reporting.figures.Facts;
import vn.ishc.reporting.figures.FigureDeltas;
import vn.ishc.reporting.figures.FigureStore;
import org.hibernate.Session;
import vn.ishc.kit.sql.UnnestRows;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;


/** Keeps the newest state of every contribution and pledge, from funding's topics. */
@ApplicationScoped
public class FundingProjection {


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

    /** Reads a contribution snapshot event; throws {@link UnreadableRecordException} when it is not one. */
    public LedgerBatch.Item<UUID, ContributionSnapshotData.Contribution> readContribution(String value) {
        IncomingEvent.Typed<ContributionSnapshotData> read = IncomingEvent.read(json, value, ContributionSnapshotData.class);
        IncomingEvent event = read.event();
        ContributionSnapshotData.Contribution c = read.data().contribution();
        if (c == null || c.id() == null || !c.id().toString().equals(event.aggregateId()) || c.amountVnd() == null || c.amountVnd() < 1
                || c.receivedOn() == null) {
            throw new UnreadableRecordException("contribution snapshot lacks its id, amount or date");
        }
        return new LedgerBatch.Item<>(event, c, c.id());
    }

    /** Reads a pledge snapshot event; throws {@link UnreadableRecordException} when it is not one. */
    public LedgerBatch.Item<UUID, PledgeSnapshotData> readPledge(String value) {
        IncomingEvent.Typed<PledgeSnapshotData> read = IncomingEvent.read(json, value, PledgeSnapshotData.class);
        IncomingEvent event = read.event();
        PledgeSnapshotData p = read.data();
        if (p.id() == null || !p.id().toString().equals(event.aggregateId()) || p.amountVnd() == null || p.amountVnd() < 1
                || p.pledgedOn() == null) {
            throw new UnreadableRecordException("pledge snapshot lacks its id, amount or date");
        }
        return new LedgerBatch.Item<>(event, p, p.id());
    }

    /**
     * Applies a batch of contribution snapshots in one transaction, each with its own outcome as if
     * applied alone. The figures move by what the changed contributions, and the pledges they named
     * before or name now, count after minus before. The pledges are locked (in one order) before
     * anything is read, as the pledge consumer does, since a pledge's outstanding amount depends on both topics.
     */
    @Transactional
    public List<String> applyContributions(List<LedgerBatch.Item<UUID, ContributionSnapshotData.Contribution>> items) {
        figures.lockShared();
        LedgerBatch<UUID, ContributionSnapshotData.Contribution> batch = ledger.decide(items, Topics.CONTRIBUTIONS, "funding",
                "select id, version from contribution where id = any(?)", "uuid");
        if (batch.newest().isEmpty()) {
            ledger.advance(batch);
            return batch.outcomes();
        }
        Map<UUID, Facts.Contribution> before = facts.contributions(batch.newest().keySet());
        Set<UUID> pledges = new TreeSet<>();
        before.values().forEach(c -> addIfPresent(pledges, c.pledgeId()));
        items.forEach(item -> addIfPresent(pledges, item.data().pledgeId()));
        figures.lockPledges(pledges);
        List<LocalDate> starts = programmeStarts.all();
        FigureDeltas old = new FigureDeltas();
        before.values().forEach(c -> old.plus(CountingRules.contribution(c, starts)));
        facts.pledges(pledges).values().forEach(p -> old.plus(CountingRules.pledge(p)));
        List<LedgerBatch.Item<UUID, ContributionSnapshotData.Contribution>> newest = List.copyOf(batch.newest().values());
        // As stored (not read back: one query fewer a batch); the area's end comes from the administrative units.
        List<ProjectedFacts.StoredContribution> stored = writeContributions(newest);
        FigureDeltas now = new FigureDeltas();
        facts.contributionsAsStored(stored).forEach(c -> now.plus(CountingRules.contribution(c, starts)));
        facts.pledges(pledges).values().forEach(p -> now.plus(CountingRules.pledge(p)));
        figures.add(FigureDeltas.change(old, now));
        ledger.advance(batch);
        return batch.outcomes();
    }

    /** Applies a batch of pledge snapshots in one transaction, each with its own outcome as if applied alone. */
    @Transactional
    public List<String> applyPledges(List<LedgerBatch.Item<UUID, PledgeSnapshotData>> items) {
        figures.lockShared();
        figures.lockPledges(items.stream().map(LedgerBatch.Item::key).toList());
        LedgerBatch<UUID, PledgeSnapshotData> batch = ledger.decide(items, Topics.PLEDGES, "funding",
                "select id, version from pledge where id = any(?)", "uuid");
        if (batch.newest().isEmpty()) {
            ledger.advance(batch);
            return batch.outcomes();
        }
        FigureDeltas old = new FigureDeltas();
        facts.pledges(batch.newest().keySet()).values().forEach(p -> old.plus(CountingRules.pledge(p)));
        writePledges(List.copyOf(batch.newest().values()));
        FigureDeltas now = new FigureDeltas();
        facts.pledges(batch.newest().keySet()).values().forEach(p -> now.plus(CountingRules.pledge(p)));
        figures.add(FigureDeltas.change(old, now));
        ledger.advance(batch);
        return batch.outcomes();
    }

    private static void addIfPresent(Set<UUID> ids, UUID id) {
        if (id != null) {
            ids.add(id);
        }
    }

    /** The columns of a contribution as {@link #writeContributions} stores them. */
    private static ProjectedFacts.StoredContribution stored(ContributionSnapshotData.Contribution c) {
        return new ProjectedFacts.StoredContribution(c.id(), c.districtCode(), c.communeCode(), c.amountVnd(), c.receivedOn(),
                "REVERSED".equals(c.status()) ? c.reversedOn() : null, c.pledgeId());
    }

    /** Writes the newest snapshots; answers them as stored, in the same order. */
    private List<ProjectedFacts.StoredContribution> writeContributions(List<LedgerBatch.Item<UUID, ContributionSnapshotData.Contribution>> newest) {
        UnnestRows rows = new UnnestRows("uuid", "int8", "varchar", "varchar", "int8", "date", "date", "varchar", "uuid");
        List<ProjectedFacts.StoredContribution> stored = new ArrayList<>(newest.size());
        for (LedgerBatch.Item<UUID, ContributionSnapshotData.Contribution> item : newest) {
            ContributionSnapshotData.Contribution c = item.data();
            ProjectedFacts.StoredContribution row = stored(c);
            stored.add(row);
            rows.add(row.id(), item.event().aggregateVersion(), row.districtCode(), row.communeCode(), row.amountVnd(), row.receivedOn(),
                    row.reversedOn(), c.form(), row.pledgeId());
        }
        rows.execute(em.unwrap(Session.class), """
                insert into contribution (id, version, district_code, commune_code, amount_vnd, received_on, reversed_on, form, pledge_id)
                select * from unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::date[], ?::date[], ?::varchar[], ?::uuid[])
                on conflict (id) do update set version = excluded.version, district_code = excluded.district_code,
                    commune_code = excluded.commune_code, amount_vnd = excluded.amount_vnd, received_on = excluded.received_on,
                    reversed_on = excluded.reversed_on, form = excluded.form, pledge_id = excluded.pledge_id""");
        return stored;
    }

    private void writePledges(List<LedgerBatch.Item<UUID, PledgeSnapshotData>> newest) {
        UnnestRows rows = new UnnestRows("uuid", "int8", "varchar", "varchar", "int8", "date", "date");
        for (LedgerBatch.Item<UUID, PledgeSnapshotData> item : newest) {
            PledgeSnapshotData p = item.data();
            rows.add(p.id(), item.event().aggregateVersion(), p.districtCode(), p.communeCode(), p.amountVnd(), p.pledgedOn(), p.cancelledOn());
        }
        rows.execute(em.unwrap(Session.class), """
                insert into pledge (id, version, district_code, commune_code, amount_vnd, pledged_on, cancelled_on)
                select * from unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::date[], ?::date[])
                on conflict (id) do update set version = excluded.version, district_code = excluded.district_code,
                    commune_code = excluded.commune_code, amount_vnd = excluded.amount_vnd, pledged_on = excluded.pledged_on,
                    cancelled_on = excluded.cancelled_on""");
    }
}
