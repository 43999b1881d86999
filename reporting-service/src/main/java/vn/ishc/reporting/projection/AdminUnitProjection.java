package vn.ishc.reporting.projection;

import vn.ishc.reporting.config.Topics;

import vn.ishc.kit.events.UnreadableRecordException;

import vn.ishc.kit.events.IncomingEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.reporting.figures.FigureStore;
import vn.ishc.reporting.projection.ProjectionLedger.Outcome;


/** Keeps every dated period of every administrative unit, from registry.admin-units.v1. */
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

    @Transactional
    public Outcome apply(IncomingEvent event) {
        AdminUnitSnapshotData snapshot = read(event);
        String versionQuery = "select version from admin_unit_version where code = :id";
        return ledger.applyOnce(event, Topics.ADMIN_UNITS, "registry", versionQuery, snapshot.code(), () -> {
            em.createNativeQuery("""
                            insert into admin_unit_version (code, version) values (:code, :version)
                            on conflict (code) do update set version = excluded.version""")
                    .setParameter("code", snapshot.code()).setParameter("version", event.aggregateVersion()).executeUpdate();
            em.createNativeQuery("delete from admin_unit_period where code = :code").setParameter("code", snapshot.code()).executeUpdate();
            for (AdminUnitSnapshotData.Period period : snapshot.periods()) {
                em.createNativeQuery("""
                                insert into admin_unit_period (code, name, full_name, level, unit_type, parent_code, valid_from, valid_to)
                                values (:code, :name, :fullName, :level, :unitType, :parent, :from, :to)""")
                        .setParameter("code", snapshot.code())
                        .setParameter("name", period.name())
                        .setParameter("fullName", period.fullName())
                        .setParameter("level", period.level())
                        .setParameter("unitType", period.unitType())
                        .setParameter("parent", period.parentCode())
                        .setParameter("from", period.validFrom())
                        .setParameter("to", period.validTo())
                        .executeUpdate();
            }
            figures.documentsChanged(); // district names and which districts a date shows
        });
    }

    private AdminUnitSnapshotData read(IncomingEvent event) {
        AdminUnitSnapshotData snapshot;
        try {
            snapshot = json.treeToValue(event.data(), AdminUnitSnapshotData.class);
        } catch (Exception e) {
            throw new UnreadableRecordException("admin unit snapshot data cannot be read", e);
        }
        if (snapshot.code() == null || !snapshot.code().equals(event.aggregateId()) || snapshot.periods() == null
                || snapshot.periods().isEmpty()
                || snapshot.periods().stream().anyMatch(p -> p.name() == null || p.fullName() == null || p.level() == null || p.unitType() == null)) {
            throw new UnreadableRecordException("admin unit snapshot lacks its code or periods");
        }
        return snapshot;
    }
}
