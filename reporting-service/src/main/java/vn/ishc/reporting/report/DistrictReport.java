package vn.ishc.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.ishc.reporting.review.ReviewStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One revision of a district's report for a period. Until it is submitted its figures are the live
 * ones; from submission on, the figures as submitted ({@code frozenFigures}, JSON) are the report's.
 */
@Entity
@Table(name = "district_report")
public class DistrictReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(name = "period_code", nullable = false)
    public String periodCode;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    public int revision;

    @Enumerated(EnumType.STRING)
    public ReviewStatus status;

    public String results;
    public String advantages;
    public String difficulties;
    public String proposals;

    @Column(name = "next_actions")
    public String nextActions;

    @Column(name = "frozen_figures")
    public String frozenFigures;

    @Column(name = "return_comment")
    public String returnComment;

    /** Bumped on every change: the ETag. */
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;
}
