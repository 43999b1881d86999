package vn.ishc.funding.area;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import vn.ishc.funding.support.Reform;
import vn.ishc.funding.support.RegistryEvents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reform's events funding's tests play are valid events of registry's schemas, so that what
 * the replica is tested with is what registry publishes: periods with level and parent, a club with
 * no district, its placements.
 */
class RegistrySchemaContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("..", "registry-service", "src", "main", "resources", "META-INF", "resources", "schemas");

    @Test
    void theReformsUnitsAreValidAdminUnitEvents() throws IOException {
        ObjectNode reused = Reform.unit("05443",
                Reform.period("05443", "Trưng Vương", "Phường Trưng Vương", "COMMUNE", "phuong", "164", null, Reform.DAY),
                Reform.period("05443", "Phan Đình Phùng", "Phường Phan Đình Phùng", "COMMUNE", "phuong", "19", Reform.DAY, null));
        assertEquals(Set.of(), validator("admin-unit-snapshot.v1.json").validate(reused));
    }

    @Test
    void aClubWithoutDistrictAndItsPlacementsIsAValidClubEvent() throws IOException {
        ObjectNode club = RegistryEvents.club(UUID.randomUUID(), 1, null, "05443", "2025-07-10", null);
        ((ObjectNode) club.at("/data/club")).putNull("districtCode").put("awaitingSuccessor", false);
        ClubsAcrossTheReformTest.placement(club, "2025-07-10", null, "05443", null);
        assertEquals(Set.of(), validator("club-snapshot.v1.json").validate(club));
        ObjectNode moved = RegistryEvents.club(UUID.randomUUID(), 1, "164", "05437", "2019-03-15", null);
        ClubsAcrossTheReformTest.placement(moved, "2019-03-15", Reform.DAY, "05437", "164");
        ClubsAcrossTheReformTest.placement(moved, Reform.DAY, null, "05443", null);
        assertEquals(Set.of(), validator("club-snapshot.v1.json").validate(moved));
    }

    private static JsonSchema validator(String file) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(Files.readString(SCHEMAS.resolve(file))),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
