package vn.ishc.reporting.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.ishc.reporting.review.ReviewedRevision;

import java.util.UUID;

/**
 * One revision of a district's report for a period. Until it is submitted its figures are the live
 * ones; from submission on, the figures as submitted ({@code frozenFigures}, JSON) are the report's.
 */
@Entity
@Table(name = "district_report")
public class DistrictReport extends ReviewedRevision {

    @Id
    public UUID id;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(name = "period_code", nullable = false)
    public String periodCode;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    public String results;
    public String advantages;
    public String difficulties;
    public String proposals;

    @Column(name = "next_actions")
    public String nextActions;

    @Column(name = "frozen_figures")
    public String frozenFigures;

}
