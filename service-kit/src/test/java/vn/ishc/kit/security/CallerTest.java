package vn.ishc.kit.security;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import vn.ishc.kit.problem.ProblemException;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caller's rights, the same in every service (they had drifted: a null district threw in one, passed in another). */
class CallerTest {

    @Test
    void aDistrictOfficerActsInTheirDistrictOnly() {
        Caller officer = caller(Roles.DISTRICT_OFFICER, Map.of("sub", "can-bo-164", "district", "164"));
        assertTrue(officer.mayWriteIn("164"));
        assertFalse(officer.mayWriteIn("165"));
        assertFalse(officer.mayWriteIn(null), "a record without district is the province's");
        assertFalse(officer.isViewerOnly());
        assertEquals("164", officer.officerDistrict().orElseThrow());
        assertEquals("can-bo-164", officer.subject());
    }

    @Test
    void aProvinceAdminActsEverywhereAndAViewerNowhere() {
        Caller admin = caller(Roles.PROVINCE_ADMIN, Map.of("sub", "so-ldtbxh"));
        assertTrue(admin.mayWriteIn(null));
        assertTrue(admin.mayReadPersonalDataIn("169"));
        assertTrue(admin.officerDistrict().isEmpty());
        Caller viewer = caller(Roles.VIEWER, Map.of("sub", "xem", "district", "164"));
        assertTrue(viewer.isViewerOnly());
        assertFalse(viewer.mayWriteIn("164"), "a district claim gives a viewer nothing");
        assertTrue(viewer.officerDistrict().isEmpty());
    }

    @Test
    void aRefusalNamesBothDistrictsOrTheProvince() {
        Caller officer = caller(Roles.DISTRICT_OFFICER, Map.of("sub", "can-bo-164", "district", "164"));
        ProblemException refused = assertThrows(ProblemException.class, () -> officer.requireWriteIn(null, "x.forbidden"));
        assertEquals(403, refused.status());
        assertEquals(java.util.List.of("164", "19"), java.util.List.of(refused.detailArgs()));
        officer.requireWriteIn("164", "x.forbidden");
    }

    private static Caller caller(String role, Map<String, String> claims) {
        Caller caller = new Caller();
        caller.identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(claims.get("sub"))).addRoles(Set.of(role)).build();
        caller.token = new JsonWebToken() {
            @Override
            public String getName() {
                return claims.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        caller.provinceCode = "19";
        return caller;
    }
}
