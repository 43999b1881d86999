package vn.ishc.registry.adminunit;

import java.util.List;

/** The data of an admin-unit event: every dated period of one code (schema admin-unit-snapshot.v1). */
public record AdminUnitSnapshot(String code, List<AdminUnitView> periods) {
}
