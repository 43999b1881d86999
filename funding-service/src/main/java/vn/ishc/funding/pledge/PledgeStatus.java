package vn.ishc.funding.pledge;

public enum PledgeStatus {
    OPEN, FULFILLED, CANCELLED
}
