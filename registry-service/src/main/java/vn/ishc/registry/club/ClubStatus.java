package vn.ishc.registry.club;

public enum ClubStatus {
    ACTIVE, CLOSED
}
