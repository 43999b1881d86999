package vn.ishc.kit.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The last line of defence when PostgreSQL refuses a write that the service's own checks let
 * through: a unique index hit by two requests at the same moment is a conflict (409), and a value
 * PostgreSQL cannot store (SQL state class 22, "data exception") came from the request (400).
 * A database that is away or overloaded answers 503 with Retry-After: the request may be repeated.
 * Services check first and answer precisely; this only keeps such races and gaps from being 500s.
 */
final class DatabaseRefusals {

    private static final Logger LOG = Logger.getLogger(DatabaseRefusals.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DATA_EXCEPTION_CLASS = "22";

    private DatabaseRefusals() {
    }

    static Optional<Response> answer(Throwable failure, HttpHeaders headers, UriInfo uri) {
        String state = sqlState(failure);
        if (state == null) {
            return Optional.empty();
        }
        Locale locale = Messages.localeOf(headers);
        if (vn.ishc.kit.events.Failures.isTransient(failure)) {
            LOG.warnf("The database is unavailable (SQL state %s); answered 503", state);
            Response unavailable = ProblemMappers.respond(503, "unavailable", Messages.text(locale, "problem.503"), null, locale, uri);
            return Optional.of(Response.fromResponse(unavailable).header("Retry-After", "5").build());
        }
        if (state.equals(UNIQUE_VIOLATION)) {
            LOG.infof("A write lost a race for a unique value (SQL state %s); answered 409", state);
            return Optional.of(ProblemMappers.respond(409, "conflict", Messages.text(locale, "problem.409.concurrent"), null, locale, uri));
        }
        if (state.startsWith(DATA_EXCEPTION_CLASS)) {
            LOG.warnf("PostgreSQL refused a value the service's checks let through (SQL state %s); answered 400", state);
            return Optional.of(ProblemMappers.respond(400, "validation", Messages.text(locale, "problem.400.unstorable"), null, locale, uri));
        }
        return Optional.empty();
    }

    /** The SQL state of the first SQLException in the chain; "" for one without state (a pool timeout); null for none. */
    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState() == null ? "" : sql.getSQLState();
            }
        }
        return null;
    }
}
