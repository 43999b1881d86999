package vn.ishc.registry.adminunit;

/** Tỉnh, huyện-level unit (huyện, thị xã, thành phố), xã-level unit (xã, phường, thị trấn). */
public enum AdminUnitLevel {
    PROVINCE, DISTRICT, COMMUNE
}
