package vn.ishc.funding.replica;

import vn.ishc.kit.time.SqlTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What funding knows of registry's districts and clubs, to validate contributions and pledges
 * without calling into registry: a replica kept from registry's events.
 */
@ApplicationScoped
public class RegistryReplica {

    /** A club as funding sees it: where it is and when it was active. */
    public record ClubFacts(UUID id, String districtCode, LocalDate establishedOn, LocalDate closedOn) {

        public boolean closedOn(LocalDate date) {
            return closedOn != null && !closedOn.isAfter(date);
        }
    }

    @Inject
    EntityManager em;

    public boolean districtExists(String code) {
        return !em.createNativeQuery("select 1 from district_replica where code = :code")
                .setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
    }

    /** "Thành phố Sông Công (165)": a district by its latest name and its code; the code alone if unknown here. */
    public String districtLabel(String code) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select name from district_replica where code = :code order by valid_from desc nulls last")
                .setParameter("code", code).setMaxResults(1).getResultList();
        return names.isEmpty() ? code : names.get(0) + " (" + code + ")";
    }

    /** Every district known here, by code, with its latest name. */
    public java.util.Map<String, String> districtNames() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, name from district_replica order by code, valid_from nulls first").getResultList();
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        rows.forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    public Optional<ClubFacts> club(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select district_code, established_on, closed_on from club_replica where id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(row -> new ClubFacts(id, (String) row[0], SqlTime.date(row[1]), SqlTime.date(row[2])));
    }
}
