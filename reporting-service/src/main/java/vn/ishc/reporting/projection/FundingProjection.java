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
import vn.ishc.reporting.projection.ProjectionLedger.Outcome;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    @Transactional
    public Outcome applyContribution(IncomingEvent event) {
        ContributionSnapshotData.Contribution c = read(event, ContributionSnapshotData.class).contribution();
        if (c == null || c.id() == null || !c.id().toString().equals(event.aggregateId()) || c.amountVnd() == null || c.amountVnd() < 1
                || c.receivedOn() == null) {
            throw new UnreadableRecordException("contribution snapshot lacks its id, amount or date");
        }
        figures.lockShared();
        String versionQuery = "select version from contribution where id = :id";
        return ledger.applyOnce(event, Topics.CONTRIBUTIONS, "funding", versionQuery, c.id(), () -> {
            // The contribution's own figures, and those of the pledges it fulfilled before and fulfils now.
            Facts.Contribution before = facts.contribution(c.id());
            Set<UUID> pledges = new HashSet<>();
            if (before != null && before.pledgeId() != null) {
                pledges.add(before.pledgeId());
            }
            if (c.pledgeId() != null) {
                pledges.add(c.pledgeId());
            }
            figures.lockPledges(pledges);
            List<LocalDate> starts = programmeStarts.all();
            LocalDate reversedOn = "REVERSED".equals(c.status()) ? c.reversedOn() : null;
            FigureDeltas old = CountingRules.contribution(before, starts);
            pledges.forEach(p -> old.plus(CountingRules.pledge(facts.pledge(p))));
            em.createNativeQuery("""
                            insert into contribution (id, version, district_code, commune_code, amount_vnd, received_on, reversed_on, form, pledge_id)
                            values (:id, :version, :district, :commune, :amount, :received, :reversed, :form, :pledge)
                            on conflict (id) do update set version = excluded.version, district_code = excluded.district_code,
                                commune_code = excluded.commune_code,
                                amount_vnd = excluded.amount_vnd, received_on = excluded.received_on, reversed_on = excluded.reversed_on,
                                form = excluded.form, pledge_id = excluded.pledge_id""")
                    .setParameter("id", c.id())
                    .setParameter("version", event.aggregateVersion())
                    .setParameter("district", c.districtCode())
                    .setParameter("commune", c.communeCode())
                    .setParameter("amount", c.amountVnd())
                    .setParameter("received", c.receivedOn())
                    .setParameter("reversed", reversedOn)
                    .setParameter("form", c.form())
                    .setParameter("pledge", c.pledgeId())
                    .executeUpdate();
            // Read back as projected: the area's end comes from the administrative units.
            FigureDeltas now = CountingRules.contribution(facts.contribution(c.id()), starts);
            pledges.forEach(p -> now.plus(CountingRules.pledge(facts.pledge(p))));
            figures.add(FigureDeltas.change(old, now));
        });
    }

    @Transactional
    public Outcome applyPledge(IncomingEvent event) {
        PledgeSnapshotData p = read(event, PledgeSnapshotData.class);
        if (p.id() == null || !p.id().toString().equals(event.aggregateId()) || p.amountVnd() == null || p.amountVnd() < 1
                || p.pledgedOn() == null) {
            throw new UnreadableRecordException("pledge snapshot lacks its id, amount or date");
        }
        figures.lockShared();
        figures.lockPledges(List.of(p.id()));
        String versionQuery = "select version from pledge where id = :id";
        return ledger.applyOnce(event, Topics.PLEDGES, "funding", versionQuery, p.id(), () -> {
            FigureDeltas old = CountingRules.pledge(facts.pledge(p.id()));
            em.createNativeQuery("""
                            insert into pledge (id, version, district_code, commune_code, amount_vnd, pledged_on, cancelled_on)
                            values (:id, :version, :district, :commune, :amount, :pledged, :cancelled)
                            on conflict (id) do update set version = excluded.version, district_code = excluded.district_code,
                                commune_code = excluded.commune_code,
                                amount_vnd = excluded.amount_vnd, pledged_on = excluded.pledged_on, cancelled_on = excluded.cancelled_on""")
                    .setParameter("id", p.id())
                    .setParameter("version", event.aggregateVersion())
                    .setParameter("district", p.districtCode())
                    .setParameter("commune", p.communeCode())
                    .setParameter("amount", p.amountVnd())
                    .setParameter("pledged", p.pledgedOn())
                    .setParameter("cancelled", p.cancelledOn())
                    .executeUpdate();
            figures.add(FigureDeltas.change(old, CountingRules.pledge(facts.pledge(p.id()))));
        });
    }

    private <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new UnreadableRecordException(type.getSimpleName() + " cannot be read", e);
        }
    }
}
