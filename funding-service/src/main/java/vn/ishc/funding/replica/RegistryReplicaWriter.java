package vn.ishc.funding.replica;

import vn.ishc.kit.events.IncomingEvent;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
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
        // Every period of the code, whatever its level: a reused code (05443) has an old and a new period.
        em.createNativeQuery("delete from admin_unit_replica where code = :code").setParameter("code", event.aggregateId()).executeUpdate();
        for (JsonNode period : event.data().path("periods")) {
            String level = period.path("level").asText("");
            if (level.isEmpty()) {
                throw new IllegalArgumentException("admin unit period without a level");
            }
            String fullName = period.path("fullName").asText(period.path("name").asText(event.aggregateId()));
            em.createNativeQuery("""
                            insert into admin_unit_replica (code, name, full_name, level, parent_code, valid_from, valid_to)
                            values (:code, :name, :fullName, :level, :parent, :from, :to)""")
                    .setParameter("code", event.aggregateId())
                    .setParameter("name", period.path("name").asText(fullName))
                    .setParameter("fullName", fullName)
                    .setParameter("level", level)
                    .setParameter("parent", text(period.get("parentCode")))
                    .setParameter("from", date(period.get("validFrom")))
                    .setParameter("to", date(period.get("validTo")))
                    .executeUpdate();
        }
        return true;
    }

    /**
     * A club registered after the 2025 reform has no district (decision 0013): its commune and its
     * placements say where it sits on each day. A snapshot without placements (from before them) is
     * read as one placement from the establishment, in the club's commune and district.
     */
    @Transactional
    public boolean applyClub(IncomingEvent event, String topic) {
        JsonNode club = event.data().path("club");
        if (!club.isObject() || !event.aggregateId().equals(club.path("id").asText()) || !club.hasNonNull("establishedOn")) {
            throw new IllegalArgumentException("club snapshot without club or establishment date");
        }
        List<Placement> placements = placements(event.data().path("placements").isArray() ? event.data().path("placements")
                : club.path("placements"), club);
        if (!firstDelivery(event, topic) || !newer("select version from club_replica where id = cast(:id as uuid)", event.aggregateId(), event)) {
            return false;
        }
        UUID id = UUID.fromString(event.aggregateId());
        boolean awaiting = club.path("awaitingSuccessor").asBoolean(event.data().path("awaitingSuccessor").asBoolean(false));
        em.createNativeQuery("""
                        insert into club_replica (id, version, district_code, commune_code, established_on, closed_on, status, awaiting_successor)
                        values (:id, :version, :district, :commune, :established, :closed, :status, :awaiting)
                        on conflict (id) do update set version = excluded.version, district_code = excluded.district_code,
                            commune_code = excluded.commune_code, established_on = excluded.established_on,
                            closed_on = excluded.closed_on, status = excluded.status, awaiting_successor = excluded.awaiting_successor""")
                .setParameter("id", id)
                .setParameter("version", event.aggregateVersion())
                .setParameter("district", text(club.get("districtCode")))
                .setParameter("commune", text(club.get("communeCode")))
                .setParameter("established", date(club.get("establishedOn")))
                .setParameter("closed", date(club.get("closedOn")))
                .setParameter("status", club.path("status").asText("ACTIVE"))
                .setParameter("awaiting", awaiting)
                .executeUpdate();
        em.createNativeQuery("delete from club_placement_replica where club_id = :id").setParameter("id", id).executeUpdate();
        for (Placement p : placements) {
            em.createNativeQuery("""
                            insert into club_placement_replica (club_id, valid_from, valid_to, commune_code, district_code, province_code)
                            values (:id, :from, :until, :commune, :district, :province)
                            on conflict (club_id, valid_from) do update set valid_to = excluded.valid_to, commune_code = excluded.commune_code,
                                district_code = excluded.district_code, province_code = excluded.province_code""")
                    .setParameter("id", id).setParameter("from", p.from()).setParameter("until", p.until())
                    .setParameter("commune", p.communeCode()).setParameter("district", p.districtCode())
                    .setParameter("province", p.provinceCode())
                    .executeUpdate();
        }
        return true;
    }

    private record Placement(LocalDate from, LocalDate until, String communeCode, String districtCode, String provinceCode) {
    }

    private static List<Placement> placements(JsonNode given, JsonNode club) {
        List<Placement> placements = new ArrayList<>();
        for (JsonNode p : given) {
            if (!p.hasNonNull("from")) {
                throw new IllegalArgumentException("club placement without a start");
            }
            placements.add(new Placement(date(p.get("from")), date(p.get("until")), text(p.get("communeCode")), text(p.get("districtCode")),
                    text(p.get("provinceCode"))));
        }
        if (placements.isEmpty()) {
            placements.add(new Placement(date(club.get("establishedOn")), null, text(club.get("communeCode")), text(club.get("districtCode")),
                    text(club.get("provinceCode"))));
        }
        return placements;
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

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }
}
