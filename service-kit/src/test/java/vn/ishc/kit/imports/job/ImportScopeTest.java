package vn.ishc.kit.imports.job;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where an import may write: a district officer's district, an area officer's communes, anywhere for the province. */
class ImportScopeTest {

    @Test
    void aDistrictOfficersImportWritesInTheirDistrictOnly() {
        ImportScope scope = new ImportScope(UUID.randomUUID(), "164", "can-bo-164");
        assertTrue(scope.mayWriteIn("164"));
        assertFalse(scope.mayWriteIn("165"));
        assertFalse(scope.mayWriteIn(null), "the province's own rows");
        assertEquals("164", scope.officerDistrict());
    }

    @Test
    void anAreaOfficersImportWritesInEachOfTheirCommunesAndNowhereElse() {
        ImportScope scope = new ImportScope(UUID.randomUUID(), "05443,05482", "can-bo-phuong");
        assertTrue(scope.mayWriteIn("05443"));
        assertTrue(scope.mayWriteIn("05482"));
        assertFalse(scope.mayWriteIn("05467"));
        assertFalse(scope.mayWriteIn("164"));
        assertFalse(scope.mayWriteIn("0544"), "not a prefix match");
        assertNull(scope.officerDistrict());
        assertNull(new ImportScope(UUID.randomUUID(), "05443", "x").officerDistrict());
    }

    @Test
    void aProvinceAdminsImportWritesAnywhere() {
        ImportScope scope = new ImportScope(UUID.randomUUID(), null, "so");
        assertTrue(scope.mayWriteIn("164"));
        assertTrue(scope.mayWriteIn(null));
        assertNull(scope.officerDistrict());
    }
}
