package vn.ishc.kit.events;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

/**
 * Whether a failure to apply an event may pass by itself. Only what concerns the database as a
 * whole is transient (connections, pool timeouts, deadlocks, lock timeouts, a server shutting
 * down, another replica's concurrent change): the event waits and is retried in order. Anything else (a value the table cannot hold,
 * a missing field, a rule the event breaks) will fail again every time, so the event is set aside.
 */
public final class Failures {

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnreadableRecordException) {
                return false; // the event itself is at fault, whatever caused its reading to fail
            }
            if (t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof jakarta.persistence.LockTimeoutException || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No state: the pool could not give a connection in time (Agroal's acquisition timeout).
                // 08 connection, 40 rollback (deadlock, serialization), 53 resources, 55 prerequisite state
                // (a database not accepting connections, a lock not available), 57 operator intervention
                // (shutdown), 58 system error, XX internal error: all concern the server, not the event.
                return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("55") || state.startsWith("57") || state.startsWith("58") || state.startsWith("XX");
            }
        }
        return false;
    }
}
