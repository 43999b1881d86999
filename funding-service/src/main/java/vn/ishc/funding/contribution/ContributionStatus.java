package vn.ishc.funding.contribution;

public enum ContributionStatus {
    RECORDED, REVERSED
}
