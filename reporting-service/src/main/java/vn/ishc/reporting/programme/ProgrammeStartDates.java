package vn.ishc.reporting.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.kit.sql.RoundTrip;
import vn.ishc.reporting.figures.ProgrammeStarts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Tells the figures the programmes' start dates (see {@link ProgrammeStarts}). */
@ApplicationScoped
public class ProgrammeStartDates implements ProgrammeStarts {

    @Inject
    EntityManager em;

    /** Through Hibernate, which first flushes programmes this transaction has persisted (a programme being created). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LocalDate> all() {
        return em.createQuery("select distinct p.startsOn from Programme p order by p.startsOn", LocalDate.class).getResultList();
    }

    /** Straight from the table: for the live consumers, whose transactions persist no programme. */
    @Override
    public RoundTrip.Answer<List<LocalDate>> all(RoundTrip reads) {
        return reads.answer("select distinct starts_on from programme order by starts_on", rows -> {
            List<LocalDate> starts = new ArrayList<>();
            while (rows.next()) {
                starts.add(rows.getObject(1, LocalDate.class));
            }
            return starts;
        });
    }
}
