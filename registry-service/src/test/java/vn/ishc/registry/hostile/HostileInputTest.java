package vn.ishc.registry.hostile;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ishc.registry.support.Api;
import vn.ishc.registry.support.Tokens;
import vn.ishc.testkit.hostile.HostileInputSuite;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of invalid requests, generated from registry's own OpenAPI document, against every
 * write and list: none may answer 5xx or 2xx, each must be a problem naming the faulty field, none
 * may write a row, and the service must stay ready.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> TABLES = List.of("club", "member", "change_log", "outbox_event", "admin_unit", "admin_unit_announcement");

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    @Test
    void noInvalidRequestCrashesStallsOrWrites() throws Exception {
        String admin = Tokens.provinceAdmin();
        String club = Api.club(admin, "05437", "2018-03-15");
        String member = Api.addMember(admin, club, Api.member());

        HostileInputSuite.Report report = HostileInputSuite.against(base, admin)
                .pathValues((path, name) -> switch (name) {
                    case "id", "clubId" -> club;
                    case "memberId" -> member;
                    default -> null;
                })
                .rowCounts(this::rowCounts)
                .atLeast(2_000)
                .run();

        System.out.println(report.summary());
        assertTrue(report.cases() >= 2_000, "at least 2,000 cases: " + report.cases());
        assertTrue(report.failures().isEmpty(), report.summary());
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = database.getConnection()) {
            for (String table : TABLES) {
                try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
