package vn.ishc.funding.replica;

import vn.ishc.kit.events.IncomingEvent;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Applies registry's events to funding's replica, one event per transaction with its bookkeeping:
 * the newest version of each aggregate wins, a redelivered event id changes nothing.
 */
@ApplicationScoped
public class RegistryReplicaWriter {

    @Inject
    EntityManager em;

    /** @return false when the event was a duplicate or an older version */
    @Transactional
    public boolean applyAdminUnit(IncomingEvent event, String topic) {
        if (!firstDelivery(event, topic) || !newer("select version from admin_unit_version where code = :id", event.aggregateId(), event)) {
            return false;
        }
        em.createNativeQuery("insert into admin_unit_version (code, version) values (:code, :version) "
                        + "on conflict (code) do update set version = excluded.version")
                .setParameter("code", event.aggregateId()).setParameter("version", event.aggregateVersion()).executeUpdate();
        em.createNativeQuery("delete from district_replica where code = :code").setParameter("code", event.aggregateId()).executeUpdate();
        for (JsonNode period : event.data().path("periods")) {
            if (!"DISTRICT".equals(period.path("level").asText())) {
                continue;
            }
            em.createNativeQuery("insert into district_replica (code, name, valid_from, valid_to) values (:code, :name, :from, :to)")
                    .setParameter("code", event.aggregateId())
                    .setParameter("name", period.path("fullName").asText())
                    .setParameter("from", date(period.get("validFrom")))
                    .setParameter("to", date(period.get("validTo")))
                    .executeUpdate();
        }
        return true;
    }

    @Transactional
    public boolean applyClub(IncomingEvent event, String topic) {
        JsonNode club = event.data().path("club");
        if (!club.isObject() || !event.aggregateId().equals(club.path("id").asText()) || !club.hasNonNull("districtCode")
                || !club.hasNonNull("establishedOn")) {
            throw new IllegalArgumentException("club snapshot without club, district or establishment date");
        }
        if (!firstDelivery(event, topic) || !newer("select version from club_replica where id = cast(:id as uuid)", event.aggregateId(), event)) {
            return false;
        }
        em.createNativeQuery("""
                        insert into club_replica (id, version, district_code, established_on, closed_on, status)
                        values (:id, :version, :district, :established, :closed, :status)
                        on conflict (id) do update set version = excluded.version, district_code = excluded.district_code,
                            established_on = excluded.established_on, closed_on = excluded.closed_on, status = excluded.status""")
                .setParameter("id", UUID.fromString(event.aggregateId()))
                .setParameter("version", event.aggregateVersion())
                .setParameter("district", club.path("districtCode").asText())
                .setParameter("established", date(club.get("establishedOn")))
                .setParameter("closed", date(club.get("closedOn")))
                .setParameter("status", club.path("status").asText("ACTIVE"))
                .executeUpdate();
        return true;
    }

    private boolean firstDelivery(IncomingEvent event, String topic) {
        return em.createNativeQuery("insert into applied_event (event_id, topic) values (:id, :topic) on conflict do nothing")
                .setParameter("id", event.eventId()).setParameter("topic", topic).executeUpdate() == 1;
    }

    private boolean newer(String versionQuery, String aggregateId, IncomingEvent event) {
        @SuppressWarnings("unchecked")
        List<Number> current = em.createNativeQuery(versionQuery + " for update").setParameter("id", aggregateId).getResultList();
        return current.isEmpty() || current.get(0).longValue() < event.aggregateVersion();
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }
}
