package vn.ishc.reporting.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stored figures: day deltas per (area, figure, day) in {@code progress_delta}, and one
 * {@code progress_revision} row that every change increments. Each changed delta row takes the
 * new revision, so a reader that knows revision r reads only the rows changed since.
 * Called inside the transaction that applies an event, so figures and projections commit together.
 * Also reads the projected records as the {@link Facts} the counting rules take.
 */
@ApplicationScoped
public class FigureStore {

    /** Projections hold this advisory lock shared; rebuilding the figures holds it alone. */
    static final long FIGURES_LOCK = 0x15_4C_F1_60L;

    @Inject
    EntityManager em;

    /**
     * A pledge's outstanding amount depends on the pledge and on every contribution naming it, which
     * arrive on different topics: events touching the same pledge compute its figures one at a time.
     * Two-key advisory locks (a key space apart from {@link #FIGURES_LOCK}), taken in one order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPledges(Collection<UUID> pledgeIds) {
        pledgeIds.stream().filter(java.util.Objects::nonNull).map(id -> id.hashCode()).distinct().sorted().forEach(key ->
                em.createNativeQuery("select pg_advisory_xact_lock(" + PLEDGE_LOCK_CLASS + ", :key)").setParameter("key", key).getSingleResult());
    }

    private static final int PLEDGE_LOCK_CLASS = 1;

    /** Taken first in each projection transaction that can change figures (clubs, contributions, pledges): waits while they are being recomputed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockShared() {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(:key)").setParameter("key", FIGURES_LOCK).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lockExclusive() {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", FIGURES_LOCK).getSingleResult();
    }

    /** The distinct start dates of the programmes: start-dependent figures are kept for each. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LocalDate> programmeStarts() {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select distinct starts_on from programme order by starts_on").getResultList();
        return rows.stream().map(FigureStore::date).toList();
    }

    /** The club as projected now, with its members; null when unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Club club(UUID id) {
        List<Facts.Club> found = new ArrayList<>(1);
        readClubs(true, id, found::add);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Every club with (or without) its members, one club at a time: the rows are streamed from
     * the database so that 600,000 members never sit in memory at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEachClub(boolean withMembers, Consumer<Facts.Club> action) {
        readClubs(withMembers, null, action);
    }

    private void readClubs(boolean withMembers, UUID onlyId, Consumer<Facts.Club> action) {
        String sql = (withMembers
                ? """
                  select c.id, c.district_code, c.established_on, c.closed_on,
                         m.member_id, m.gender, m.birth_date, m.birth_year, m.household_status, m.joined_on, m.left_on
                  from club c left join club_member m on m.club_id = c.id"""
                : "select c.id, c.district_code, c.established_on, c.closed_on from club c")
                + (onlyId == null ? "" : " where c.id = ?") + " order by c.id";
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                if (onlyId != null) {
                    query.setObject(1, onlyId);
                }
                query.setFetchSize(5_000);
                try (ResultSet rows = query.executeQuery()) {
                    Facts.Club club = null;
                    UUID current = null;
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        if (!id.equals(current)) {
                            if (club != null) {
                                action.accept(club);
                            }
                            current = id;
                            club = new Facts.Club(rows.getString(2), rows.getObject(3, LocalDate.class), rows.getObject(4, LocalDate.class),
                                    new ArrayList<>());
                        }
                        if (withMembers && rows.getObject(5) != null) {
                            club.members().add(new Facts.Member(rows.getString(6), rows.getObject(7, LocalDate.class),
                                    rows.getObject(8, Integer.class), rows.getString(9), rows.getObject(10, LocalDate.class),
                                    rows.getObject(11, LocalDate.class)));
                        }
                    }
                    if (club != null) {
                        action.accept(club);
                    }
                }
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Contribution contribution(UUID id) {
        List<Facts.Contribution> found = contributions(" where id = :id", id);
        return found.isEmpty() ? null : found.get(0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Facts.Contribution> allContributions() {
        return contributions("", null);
    }

    /** The pledge with the contributions that name it; null when unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Pledge pledge(UUID id) {
        if (id == null) {
            return null;
        }
        List<Facts.Pledge> found = pledges(" where id = :id", id, contributions(" where pledge_id = :id", id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every pledge, with its fulfilments taken from {@code contributions} (all of them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Facts.Pledge> allPledges(List<Facts.Contribution> contributions) {
        return pledges("", null, contributions);
    }

    private List<Facts.Pledge> pledges(String where, UUID id, List<Facts.Contribution> contributions) {
        Map<UUID, List<Facts.Contribution>> byPledge = new HashMap<>();
        for (Facts.Contribution c : contributions) {
            if (c.pledgeId() != null) {
                byPledge.computeIfAbsent(c.pledgeId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Facts.Pledge> pledges = new ArrayList<>();
        for (Object[] p : rows("select id, district_code, amount_vnd, pledged_on, cancelled_on from pledge" + where, id)) {
            pledges.add(new Facts.Pledge(area((String) p[1]), ((Number) p[2]).longValue(), date(p[3]), date(p[4]),
                    byPledge.getOrDefault((UUID) p[0], List.of())));
        }
        return pledges;
    }

    private List<Facts.Contribution> contributions(String where, UUID id) {
        return rows("select id, district_code, amount_vnd, received_on, reversed_on, pledge_id from contribution" + where, id).stream()
                .map(r -> new Facts.Contribution((UUID) r[0], area((String) r[1]), ((Number) r[2]).longValue(), date(r[3]), date(r[4]),
                        (UUID) r[5]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID id) {
        var query = em.createNativeQuery(sql);
        if (id != null) {
            query.setParameter("id", id);
        }
        return query.getResultList();
    }

    /** A contribution or pledge without a district counts for the province only. */
    public static String area(String district) {
        return district == null ? ReadyFigures.PROVINCE_LEVEL : district;
    }

    /**
     * Adds the deltas to the stored figures under a new revision. Taking the revision row first
     * serialises the writers, so revisions follow commit order (what {@link ReadyFigures} relies on).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(FigureDeltas deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        long revision = ((Number) em.createNativeQuery("update progress_revision set revision = revision + 1 returning revision")
                .getSingleResult()).longValue();
        Map<FigureDeltas.Key, Long> rows = deltas.asMap();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into progress_delta (area_code, figure, day, delta, revision)
                    select a, f, d, x, ? from unnest(?::varchar[], ?::varchar[], ?::date[], ?::bigint[]) as t(a, f, d, x)
                    order by a, f, d
                    on conflict (area_code, figure, day)
                    do update set delta = progress_delta.delta + excluded.delta, revision = excluded.revision""")) {
                String[] areas = new String[rows.size()];
                String[] figures = new String[rows.size()];
                Date[] days = new Date[rows.size()];
                Long[] values = new Long[rows.size()];
                int i = 0;
                for (Map.Entry<FigureDeltas.Key, Long> e : rows.entrySet()) {
                    areas[i] = e.getKey().area();
                    figures[i] = e.getKey().figure();
                    days[i] = Date.valueOf(e.getKey().day());
                    values[i++] = e.getValue();
                }
                insert.setLong(1, revision);
                insert.setArray(2, connection.createArrayOf("varchar", areas));
                insert.setArray(3, connection.createArrayOf("varchar", figures));
                insert.setArray(4, connection.createArrayOf("date", days));
                insert.setArray(5, connection.createArrayOf("bigint", values));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Something else progress documents show has changed (administrative units, programmes,
     * targets): a new revision makes every replica drop its cached documents.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void documentsChanged() {
        em.createNativeQuery("update progress_revision set revision = revision + 1").executeUpdate();
    }

    /** Forgets every stored figure; readers reload everything (a new epoch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        em.createNativeQuery("truncate table progress_delta").executeUpdate();
        em.createNativeQuery("update progress_revision set epoch = epoch + 1, revision = revision + 1").executeUpdate();
    }

    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
