package vn.ishc.reporting.projection;

import vn.ishc.kit.events.IncomingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import vn.ishc.reporting.support.RegistryEvents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * reporting's DTOs against the schemas registry and funding publish: every field reporting reads
 * exists there, and the events reporting's tests send are valid events of those producers.
 */
class ProducerSchemaContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("..", "registry-service", "src", "main", "resources", "META-INF", "resources", "schemas");
    private static final Path FUNDING_SCHEMAS = Path.of("..", "funding-service", "src", "main", "resources", "META-INF", "resources", "schemas");

    @Test
    void clubSnapshotFieldsReadByReportingArePublishedByRegistry() throws IOException {
        JsonNode schema = schema("club-snapshot.v1.json");
        assertSubset(ClubSnapshotData.class, schema.at("/properties/data/properties"));
        assertSubset(ClubSnapshotData.Club.class, schema.at("/properties/data/properties/club/properties"));
        assertSubset(ClubSnapshotData.Member.class, schema.at("/properties/data/properties/members/items/properties"));
        assertSubset(IncomingEvent.class, schema.at("/properties"));
    }

    @Test
    void adminUnitFieldsReadByReportingArePublishedByRegistry() throws IOException {
        JsonNode schema = schema("admin-unit-snapshot.v1.json");
        assertSubset(AdminUnitSnapshotData.class, schema.at("/properties/data/properties"));
        assertSubset(AdminUnitSnapshotData.Period.class, schema.at("/properties/data/properties/periods/items/properties"));
    }

    @Test
    void theTestEventsAreValidRegistryEvents() throws IOException {
        ObjectNode club = RegistryEvents.club(UUID.randomUUID(), 3, "164", "05437", "2018-03-15", "2020-01-01");
        RegistryEvents.member(club, "FEMALE", "1955-04-02", null, "POOR", "2018-03-15", null);
        RegistryEvents.member(club, "MALE", null, 1990, "NONE", "2018-03-15", "2019-01-01");
        assertEquals(Set.of(), validator("club-snapshot.v1.json").validate(club));
        ObjectNode unit = RegistryEvents.adminUnit("164", "Thái Nguyên", "Thành phố Thái Nguyên", "DISTRICT", "thanh-pho", "19");
        assertEquals(Set.of(), validator("admin-unit-snapshot.v1.json").validate(unit));
    }

    @Test
    void theTestEventsOfTheReformAreValidRegistryEvents() throws IOException {
        ObjectNode awaiting = RegistryEvents.club(UUID.randomUUID(), 1, "164", "05461", "2024-03-01", null);
        RegistryEvents.placement(awaiting, "2024-03-01", "2025-07-01", "05461", "164", "19");
        RegistryEvents.placement(awaiting, "2025-07-01", null, null, null, "19");
        RegistryEvents.awaiting(awaiting, "05443", "05467");
        assertEquals(Set.of(), validator("club-snapshot.v1.json").validate(awaiting));
        ObjectNode reused = RegistryEvents.adminUnitPeriods("05467", 2,
                RegistryEvents.successor(RegistryEvents.period("05467", "Cam Giá", "Phường Cam Giá", "COMMUNE", "phuong", "164", null,
                        "2025-07-01"), "05500", false),
                RegistryEvents.period("05467", "Gia Sàng", "Phường Gia Sàng", "COMMUNE", "phuong", "19", "2025-07-01", null));
        assertEquals(Set.of(), validator("admin-unit-snapshot.v1.json").validate(reused));
        assertSubset(ClubSnapshotData.Placement.class,
                schema("club-snapshot.v1.json").at("/properties/data/properties/club/properties/placements/items/properties"));
        assertSubset(AdminUnitSnapshotData.Successor.class,
                schema("admin-unit-snapshot.v1.json").at("/properties/data/properties/periods/items/properties/successors/items/properties"));
    }

    @Test
    void contributionAndPledgeFieldsReadByReportingArePublishedByFunding() throws IOException {
        JsonNode contribution = JSON.readTree(Files.readString(FUNDING_SCHEMAS.resolve("contribution-snapshot.v1.json")));
        assertSubset(ContributionSnapshotData.class, contribution.at("/properties/data/properties"));
        assertSubset(ContributionSnapshotData.Contribution.class, contribution.at("/properties/data/properties/contribution/properties"));
        JsonNode pledge = JSON.readTree(Files.readString(FUNDING_SCHEMAS.resolve("pledge-snapshot.v1.json")));
        assertSubset(PledgeSnapshotData.class, pledge.at("/properties/data/properties"));
    }

    @Test
    void theTestFundingEventsAreValidFundingEvents() throws IOException {
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        var contribution = factory.getSchema(JSON.readTree(Files.readString(FUNDING_SCHEMAS.resolve("contribution-snapshot.v1.json"))), config);
        var pledge = factory.getSchema(JSON.readTree(Files.readString(FUNDING_SCHEMAS.resolve("pledge-snapshot.v1.json"))), config);
        assertEquals(Set.of(), contribution.validate(vn.ishc.reporting.support.FundingEvents.contribution(UUID.randomUUID(), 2, "164",
                5_000_000, "2019-05-20", UUID.randomUUID(), "2019-06-01")));
        assertEquals(Set.of(), contribution.validate(vn.ishc.reporting.support.FundingEvents.contribution(UUID.randomUUID(), 1, null,
                1, "2019-05-20", null, null)));
        assertEquals(Set.of(), pledge.validate(vn.ishc.reporting.support.FundingEvents.pledge(UUID.randomUUID(), 1, "164",
                10_000_000, "2019-03-01", null)));
        assertEquals(Set.of(), contribution.validate(vn.ishc.reporting.support.FundingEvents.contributionToCommune(UUID.randomUUID(), 1,
                "05443", 2_000_000, "2025-08-01")));
    }

    private static void assertSubset(Class<? extends Record> dto, JsonNode schemaProperties) {
        assertTrue(schemaProperties.isObject(), "schema has no properties for " + dto.getSimpleName());
        Set<String> read = Arrays.stream(dto.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> published = new TreeSet<>();
        schemaProperties.fieldNames().forEachRemaining(published::add);
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(published);
        assertEquals(Set.of(), missing, dto.getSimpleName() + " reads fields registry does not publish");
    }

    private static JsonNode schema(String file) throws IOException {
        return JSON.readTree(Files.readString(SCHEMAS.resolve(file)));
    }

    private static com.networknt.schema.JsonSchema validator(String file) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema(file), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
