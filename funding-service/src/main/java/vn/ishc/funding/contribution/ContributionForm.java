package vn.ishc.funding.contribution;

/** Tiền mặt, hiện vật, ngày công. */
public enum ContributionForm {
    CASH, IN_KIND, LABOUR;

    /** Gifts in kind and labour days are valued in VND; how the value was worked out must be written down. */
    public boolean needsValuationNote() {
        return this != CASH;
    }
}
