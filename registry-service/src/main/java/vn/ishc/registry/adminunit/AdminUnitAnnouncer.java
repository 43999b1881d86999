package vn.ishc.registry.adminunit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.ishc.kit.outbox.Outbox;
import vn.ishc.registry.events.Topics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Puts every administrative unit whose periods changed since it was last announced into the
 * outbox, at start-up. So units loaded by a migration (the reference lists, a later reform) reach
 * the other services without code: add the rows, restart, and they are published once.
 */
@ApplicationScoped
public class AdminUnitAnnouncer {

    private static final Logger LOG = Logger.getLogger(AdminUnitAnnouncer.class);
    static final String EVENT_TYPE = "AdminUnitSnapshot";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Hierarchy hierarchy;

    @Inject
    ObjectMapper json;

    @Transactional
    void onStart(@Observes StartupEvent start) throws JsonProcessingException {
        // One replica announces at a time; the others then find nothing new.
        em.createNativeQuery("select pg_advisory_xact_lock(190001)").getSingleResult();
        Map<String, List<AdminUnitView>> periodsByCode = AdminUnit.<AdminUnit>listAll().stream()
                .sorted(Comparator.comparing((AdminUnit unit) -> unit.validFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .collect(Collectors.groupingBy(unit -> unit.code, TreeMap::new,
                        Collectors.mapping(unit -> AdminUnitView.of(unit, hierarchy), Collectors.toList())));
        int announced = 0;
        for (Map.Entry<String, List<AdminUnitView>> entry : periodsByCode.entrySet()) {
            String fingerprint = json.writeValueAsString(entry.getValue());
            AdminUnitAnnouncement last = em.find(AdminUnitAnnouncement.class, entry.getKey());
            if (last != null && last.fingerprint.equals(fingerprint)) {
                continue;
            }
            if (last == null) {
                last = new AdminUnitAnnouncement();
                last.code = entry.getKey();
                last.version = 1;
                last.fingerprint = fingerprint;
                em.persist(last);
            } else {
                last.version++;
                last.fingerprint = fingerprint;
            }
            outbox.record(Topics.ADMIN_UNITS, EVENT_TYPE, 1, entry.getKey(), last.version,
                    new AdminUnitSnapshot(entry.getKey(), entry.getValue()));
            announced++;
        }
        if (announced > 0) {
            LOG.infof("Announced %d administrative units on %s", announced, Topics.ADMIN_UNITS);
        }
    }
}
