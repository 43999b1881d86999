package vn.ishc.reporting.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import vn.ishc.kit.sql.RoundTrip;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit's {@link RoundTrip} against a real PostgreSQL (the kit's own tests have no database):
 * the projections send their batch's statements with it.
 */
@QuarkusTest
class RoundTripTest {

    @Inject
    EntityManager em;

    @Test
    void statementsRunInTheirOrderEachSeeingTheOnesBeforeAndEachAnswerReachesItsOwnCallback() {
        List<String> answers = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Session session = em.unwrap(Session.class);
            session.doWork(c -> c.createStatement().execute("create temporary table trip_probe (name text primary key, n int) on commit drop"));
            new RoundTrip()
                    .update("insert into trip_probe select * from unnest(?::text[], ?::int[])", n -> answers.add("inserted " + n),
                            new RoundTrip.Array("text", List.of("Đại Từ", "Phú Lương", "Võ Nhai")), new RoundTrip.Array("int4", List.of(1, 2, 3)))
                    .update("update trip_probe set n = n * 10 where name = ?", n -> answers.add("updated " + n), "Phú Lương")
                    .query("select name, n from trip_probe order by n", rows -> {
                        while (rows.next()) {
                            answers.add(rows.getString(1) + "=" + rows.getInt(2));
                        }
                    })
                    .update("delete from trip_probe where n > ?", n -> answers.add("deleted " + n), 100)
                    .query("select count(*) from trip_probe", rows -> {
                        rows.next();
                        answers.add("left " + rows.getLong(1));
                    })
                    .send(session);
        });
        assertEquals(List.of("inserted 3", "updated 1", "Đại Từ=1", "Võ Nhai=3", "Phú Lương=20", "deleted 0", "left 3"), answers);
    }

    @Test
    void aFailingStatementFailsTheTripNoCallbackRunsAndTheTransactionKeepsNothing() {
        List<String> answers = new ArrayList<>();
        String source = "round-trip-test";
        RuntimeException failure = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                new RoundTrip()
                        .update("insert into source_freshness (source, through) values (?, ?)", n -> answers.add("inserted " + n),
                                source, Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")))
                        .query("select 1 / (select count(*) - count(*) from source_freshness)", rows -> answers.add("divided"))
                        .update("delete from source_freshness where source = ?", n -> answers.add("deleted " + n), source)
                        .send(em.unwrap(Session.class))));
        assertTrue(String.valueOf(rootCause(failure).getMessage()).contains("division by zero"), rootCause(failure).toString());
        assertEquals(List.of(), answers);
        long kept = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from source_freshness where source = :source").setParameter("source", source).getSingleResult()).longValue());
        assertEquals(0, kept);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
