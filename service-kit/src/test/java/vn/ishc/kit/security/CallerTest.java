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
        assertFalse(officer.mayWriteIn((String) null), "a record without district is the province's");
        assertFalse(officer.isViewerOnly());
        assertEquals("164", officer.officerDistrict().orElseThrow());
        assertEquals("can-bo-164", officer.subject());
    }

    @Test
    void aProvinceAdminActsEverywhereAndAViewerNowhere() {
        Caller admin = caller(Roles.PROVINCE_ADMIN, Map.of("sub", "so-ldtbxh"));
        assertTrue(admin.mayWriteIn((String) null));
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

    @Test
    void anAreaOfficerActsOnRecordsPlacedInTheirCommunesOnly() {
        Caller officer = caller(Roles.AREA_OFFICER, Map.of("sub", "can-bo-phan-dinh-phung", "communes", "05443,05482"));
        assertEquals(Set.of("05443", "05482"), officer.officerCommunes());
        assertTrue(officer.isOfficer());
        assertFalse(officer.isViewerOnly());
        assertTrue(officer.mayActOn(Place.of(null, "05482")));
        assertTrue(officer.mayActOn(Place.of("164", "05443")), "a pre-reform club of district 164 now in 05443");
        assertFalse(officer.mayActOn(Place.of(null, "05467")));
        assertFalse(officer.mayWriteIn("164"), "a district alone is not one of their communes");
        assertFalse(officer.mayWriteIn((String) null), "the province's own records");
        assertTrue(officer.officerDistrict().isEmpty());
        ProblemException refused = assertThrows(ProblemException.class,
                () -> officer.requireActOn(Place.of(null, "05467"), "x.forbidden", code -> code));
        assertEquals(java.util.List.of("05443, 05482", "05467"), java.util.List.of(refused.detailArgs()));
    }

    @Test
    void aDistrictOfficerKeepsTheirDistrictsRecordsWhateverTheirCommunes() {
        Caller officer = caller(Roles.DISTRICT_OFFICER, Map.of("sub", "can-bo-164", "district", "164", "communes", "05467"));
        assertTrue(officer.mayActOn(Place.of("164", "05443")));
        assertFalse(officer.mayActOn(Place.of(null, "05467")), "a communes claim gives a district officer nothing");
        assertTrue(officer.officerCommunes().isEmpty());
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
