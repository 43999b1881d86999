package vn.ishc.kit.events;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    @Test
    void aDatabaseThatIsAwayOrBusyIsTransient() {
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("connection refused", "08001"))));
        assertTrue(Failures.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(Failures.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(Failures.isTransient(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(Failures.isTransient(new jakarta.persistence.LockTimeoutException("lock")));
        // Seen in the fault suite: the database refusing connections while it is taken away.
        assertTrue(Failures.isTransient(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("FATAL: database \"funding\" is not currently accepting connections", "55000"))));
    }

    @Test
    void aValueTheTableCannotHoldOrABrokenEventIsPermanent() {
        assertFalse(Failures.isTransient(new RuntimeException(new SQLException("value too long for type character varying(5)", "22001"))));
        assertFalse(Failures.isTransient(new SQLException("null value in column \"commune_code\"", "23502")));
        assertFalse(Failures.isTransient(new NullPointerException("commune")));
        assertFalse(Failures.isTransient(new ArithmeticException("integer overflow")));
        // an event that cannot be read is at fault whatever its reading ran into
        assertFalse(Failures.isTransient(new UnreadableRecordException("not a date", new java.net.SocketTimeoutException("read timed out"))));
    }
}
