package vn.ishc.reporting.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What a district plan and a district report share as revisions under review: their number, where
 * they stand, the province's comment, their version (the ETag), and who opened, submitted and decided
 * them, when. The steps themselves are {@link ReviewStep}s.
 */
@MappedSuperclass
public abstract class ReviewedRevision extends PanacheEntityBase {

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

    /** A new draft revision. */
    public void open(int number, String actor, Instant at) {
        revision = number;
        status = ReviewStatus.DRAFT;
        version = 1;
        createdAt = at;
        createdBy = actor;
    }

    /** Takes the step (409 when it cannot be taken from here) and answers the status it left. */
    public ReviewStatus take(ReviewStep step, String actor, Instant at) {
        ReviewStatus before = status;
        status = step.from(status);
        if (step == ReviewStep.SUBMIT) {
            submittedAt = at;
            submittedBy = actor;
        } else {
            decidedAt = at;
            decidedBy = actor;
        }
        version++;
        return before;
    }

    /** An approved revision replaced by a newer approved one: kept, no longer in force. */
    public void supersede() {
        status = ReviewStatus.SUPERSEDED;
        version++;
    }

    /** Any other change of a draft or returned revision. */
    public void changed() {
        version++;
    }
}
