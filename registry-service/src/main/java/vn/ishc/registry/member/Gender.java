package vn.ishc.registry.member;

public enum Gender {
    FEMALE, MALE
}
