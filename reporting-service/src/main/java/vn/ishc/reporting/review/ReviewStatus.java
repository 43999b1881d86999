package vn.ishc.reporting.review;

/** Where a revision of a district plan or report stands on its way to the province's approval. */
public enum ReviewStatus {
    /** Being written by the district; changeable. */
    DRAFT("là bản nháp"),
    /** Sent to the province; waiting for approval. */
    SUBMITTED("đã gửi"),
    /** Sent back by the province with a comment; changeable again. */
    RETURNED("bị trả lại"),
    /** Approved by the province: locked. */
    APPROVED("đã duyệt"),
    /** An approved revision replaced by a newer approved one: kept, no longer in force. */
    SUPERSEDED("đã được thay thế");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    /** The status as a Vietnamese message names it (English messages use the name). */
    public String label() {
        return label;
    }

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
