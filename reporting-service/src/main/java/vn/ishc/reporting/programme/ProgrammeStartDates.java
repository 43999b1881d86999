package vn.ishc.reporting.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.ishc.reporting.figures.ProgrammeStarts;

import java.time.LocalDate;
import java.util.List;

/** Tells the figures the programmes' start dates (see {@link ProgrammeStarts}). */
@ApplicationScoped
public class ProgrammeStartDates implements ProgrammeStarts {

    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LocalDate> all() {
        return em.createQuery("select distinct p.startsOn from Programme p order by p.startsOn", LocalDate.class).getResultList();
    }
}
