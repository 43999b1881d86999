package vn.ishc.reporting.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.security.Caller;
import vn.ishc.reporting.review.ReviewStatus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads district plans, as the caller may see them: viewers never see a revision before it is approved. */
@ApplicationScoped
public class DistrictPlans {

    @Inject
    Caller caller;

    /** 404 for an unknown plan and for one the caller may not read (its existence is not revealed). */
    public DistrictPlan get(UUID id) {
        DistrictPlan plan = DistrictPlan.findById(id);
        if (plan == null || !readable(plan)) {
            throw ProblemException.notFound("plan.notFound", id);
        }
        return plan;
    }

    /** As {@link #get}, locked until the transaction ends: two steps on one revision never interleave (If-Match then holds). */
    public DistrictPlan getForUpdate(UUID id) {
        DistrictPlan plan = DistrictPlan.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (plan == null || !readable(plan)) {
            throw ProblemException.notFound("plan.notFound", id);
        }
        return plan;
    }

    public boolean readable(DistrictPlan plan) {
        return reviewedByProvince(plan.status) || caller.mayWriteIn(plan.districtCode);
    }

    /** The revisions of a programme's plans the caller may read, by district and revision. */
    public List<DistrictPlan> list(String programmeCode, String district) {
        List<DistrictPlan> plans = district == null
                ? DistrictPlan.list("programmeCode = ?1 order by districtCode, revision", programmeCode)
                : DistrictPlan.list("programmeCode = ?1 and districtCode = ?2 order by revision", programmeCode, district);
        return plans.stream().filter(this::readable).toList();
    }

    /** The approved revision in force for each district. */
    public List<DistrictPlan> approved(String programmeCode) {
        return DistrictPlan.list("programmeCode = ?1 and status = ?2 order by districtCode", programmeCode, ReviewStatus.APPROVED);
    }

    public Optional<DistrictPlan> approved(String programmeCode, String district) {
        return DistrictPlan.find("programmeCode = ?1 and districtCode = ?2 and status = ?3", programmeCode, district, ReviewStatus.APPROVED)
                .firstResultOptional();
    }

    static boolean reviewedByProvince(ReviewStatus status) {
        return status == ReviewStatus.APPROVED || status == ReviewStatus.SUPERSEDED;
    }
}
