package vn.ishc.reporting.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import vn.ishc.reporting.review.ReviewStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One revision of a district's plan for a programme: figures per year, and where it stands. */
@Entity
@Table(name = "district_plan")
public class DistrictPlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    public int revision;

    @Enumerated(EnumType.STRING)
    public ReviewStatus status;

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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "district_plan_year", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderBy("year")
    public List<PlanYear> years = new ArrayList<>();
}
