package vn.ishc.registry.member;

public enum MemberStatus {
    ACTIVE, LEFT
}
