package vn.ishc.reporting.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import vn.ishc.reporting.review.ReviewedRevision;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One revision of a district's plan for a programme: figures per year, and where it stands. */
@Entity
@Table(name = "district_plan")
public class DistrictPlan extends ReviewedRevision {

    @Id
    public UUID id;

    @Column(name = "programme_code", nullable = false)
    public String programmeCode;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "district_plan_year", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderBy("year")
    public List<PlanYear> years = new ArrayList<>();
}
