package vn.ishc.reporting.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A replication programme: a period with targets that progress is measured against. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "legal_basis")
    public String legalBasis;

    /** How report periods are cut; Decree 09/2019 unless the province chose calendar periods. */
    @Enumerated(EnumType.STRING)
    @Column(name = "period_scheme", nullable = false)
    public PeriodScheme periodScheme = PeriodScheme.DECREE_09;

    /** Days after a period's cut-off by which the district's report is due. */
    @Column(name = "report_due_days", nullable = false)
    public int reportDueDays = 6;
}
