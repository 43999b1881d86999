package vn.ishc.reporting.review;

import vn.ishc.kit.problem.ProblemException;

import java.util.Set;

/**
 * The steps of the review of a district's plan or report, and from where each may be taken:
 * submit a draft or returned revision; approve or return a submitted one. Anything else is a 409
 * that names the revision's current status, and changes nothing.
 */
public enum ReviewStep {
    SUBMIT(Set.of(ReviewStatus.DRAFT, ReviewStatus.RETURNED), ReviewStatus.SUBMITTED),
    APPROVE(Set.of(ReviewStatus.SUBMITTED), ReviewStatus.APPROVED),
    RETURN(Set.of(ReviewStatus.SUBMITTED), ReviewStatus.RETURNED);

    private final Set<ReviewStatus> from;
    private final ReviewStatus to;

    ReviewStep(Set<ReviewStatus> from, ReviewStatus to) {
        this.from = from;
        this.to = to;
    }

    /** The status after this step, or 409 when the step cannot be taken from {@code current}. */
    public ReviewStatus from(ReviewStatus current) {
        if (!from.contains(current)) {
            throw ProblemException.conflict("review.step." + name().toLowerCase(), current.label(), current.name());
        }
        return to;
    }
}
