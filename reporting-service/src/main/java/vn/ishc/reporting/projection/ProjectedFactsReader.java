package vn.ishc.reporting.projection;

import vn.ishc.kit.time.SqlTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.ishc.kit.sql.ArrayQuery;
import vn.ishc.kit.sql.RoundTrip;
import vn.ishc.reporting.figures.Facts;
import vn.ishc.reporting.figures.FigureStore;
import vn.ishc.reporting.figures.ProjectedFacts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The one reader of the projected clubs, members, contributions and pledges, as counting facts. */
@ApplicationScoped
public class ProjectedFactsReader implements ProjectedFacts {

    @Inject
    EntityManager em;

    @Inject
    Areas areas;

    /** The club as projected now, with its members; null when unknown. */
    @Override
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
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void forEachClub(boolean withMembers, Consumer<Facts.Club> action) {
        readClubs(withMembers, null, action);
    }

    /**
     * Placements, then clubs with their members, as two queries of the caller's trip: the live
     * consumer reads them with its ledger's, in one round trip for every batch.
     */
    @Override
    public RoundTrip.Answer<Map<UUID, Facts.Club>> clubs(RoundTrip reads, Collection<UUID> ids) {
        Map<UUID, List<Facts.Place>> places = new HashMap<>();
        RoundTrip.Array only = new RoundTrip.Array("uuid", ids);
        reads.query(placesSql(true), rows -> readPlaces(rows, places), only);
        return reads.answer(clubsSql(true, true), rows -> {
            Map<UUID, Facts.Club> found = new HashMap<>();
            readClubs(rows, true, places, found::put);
            return found;
        }, only);
    }

    private void readClubs(boolean withMembers, UUID onlyId, Consumer<Facts.Club> action) {
        List<UUID> onlyIds = onlyId == null ? null : List.of(onlyId);
        Map<UUID, List<Facts.Place>> places = places(onlyIds);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(clubsSql(withMembers, onlyIds != null))) {
                if (onlyIds != null) {
                    query.setArray(1, connection.createArrayOf("uuid", onlyIds.toArray()));
                }
                query.setFetchSize(5_000);
                try (ResultSet rows = query.executeQuery()) {
                    readClubs(rows, withMembers, places, (id, club) -> action.accept(club));
                }
            }
        });
    }

    private static String clubsSql(boolean withMembers, boolean onlySome) {
        return (withMembers
                ? """
                  select c.id, c.district_code, c.commune_code, c.province_code, c.established_on, c.closed_on,
                         m.member_id, m.gender, m.birth_date, m.birth_year, m.household_status, m.joined_on, m.left_on
                  from club c left join club_member m on m.club_id = c.id"""
                : "select c.id, c.district_code, c.commune_code, c.province_code, c.established_on, c.closed_on from club c")
                + (onlySome ? " where c.id = any(?)" : "") + " order by c.id";
    }

    /** Hands each club of {@link #clubsSql}'s rows to {@code action}, one at a time, with its placements. */
    private static void readClubs(ResultSet rows, boolean withMembers, Map<UUID, List<Facts.Place>> places,
                                  BiConsumer<UUID, Facts.Club> action) throws SQLException {
        Facts.Club club = null;
        UUID current = null;
        while (rows.next()) {
            UUID id = rows.getObject(1, UUID.class);
            if (!id.equals(current)) {
                if (club != null) {
                    action.accept(current, club);
                }
                current = id;
                // A club without placements (none announced yet) sits where it was registered.
                List<Facts.Place> placed = places.getOrDefault(id,
                        List.of(new Facts.Place(null, null, area(rows.getString(2), rows.getString(3), rows.getString(4)))));
                club = new Facts.Club(placed, rows.getObject(5, LocalDate.class), rows.getObject(6, LocalDate.class), new ArrayList<>());
            }
            if (withMembers && rows.getObject(7) != null) {
                club.members().add(new Facts.Member(rows.getString(8), rows.getObject(9, LocalDate.class),
                        rows.getObject(10, Integer.class), rows.getString(11), rows.getObject(12, LocalDate.class),
                        rows.getObject(13, LocalDate.class)));
            }
        }
        if (club != null) {
            action.accept(current, club);
        }
    }

    /** The placements of some clubs (or of all), as the areas they count in over time. */
    private Map<UUID, List<Facts.Place>> places(Collection<UUID> onlyIds) {
        Map<UUID, List<Facts.Place>> places = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(placesSql(onlyIds != null))) {
                if (onlyIds != null) {
                    query.setArray(1, connection.createArrayOf("uuid", onlyIds.toArray()));
                }
                query.setFetchSize(5_000);
                try (ResultSet rows = query.executeQuery()) {
                    readPlaces(rows, places);
                }
            }
        });
        return places;
    }

    private static String placesSql(boolean onlySome) {
        return "select club_id, valid_from, valid_to, district_code, commune_code, province_code from club_placement"
                + (onlySome ? " where club_id = any(?)" : "") + " order by club_id, valid_from";
    }

    private static void readPlaces(ResultSet rows, Map<UUID, List<Facts.Place>> places) throws SQLException {
        while (rows.next()) {
            places.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new Facts.Place(rows.getObject(2, LocalDate.class), rows.getObject(3, LocalDate.class),
                            area(rows.getString(4), rows.getString(5), rows.getString(6))));
        }
    }

    /** A club's counting area (decision 0013): its district, else its commune, else its province (awaiting a successor). */
    static String area(String district, String commune, String province) {
        return district != null || commune != null || province == null ? FigureStore.area(district, commune) : province;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Contribution contribution(UUID id) {
        List<Facts.Contribution> found = contributions(" where id = :id", Map.of("id", id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The contributions as projected now, by id; unknown ids are absent. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Facts.Contribution> contributions(Collection<UUID> ids) {
        Map<UUID, Facts.Contribution> found = new HashMap<>();
        if (!ids.isEmpty()) {
            contributions(" where id = any(?)", ids).forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Facts.Contribution> contributionsAsStored(List<StoredContribution> stored) {
        return contributions(stored.stream().map(c -> new Object[] {c.id(), c.districtCode(), c.communeCode(), c.amountVnd(), c.receivedOn(),
                c.reversedOn(), c.pledgeId()}).toList());
    }

    /** The pledges with the contributions that name them, by id; unknown ids are absent. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Facts.Pledge> pledges(Collection<UUID> ids) {
        Map<UUID, Facts.Pledge> found = new HashMap<>();
        if (!ids.isEmpty()) {
            List<Facts.Contribution> fulfilments = contributions(" where pledge_id = any(?)", ids);
            List<Object[]> rows = rowsOf("select id, district_code, commune_code, amount_vnd, pledged_on, cancelled_on from pledge where id = any(?)",
                    ids);
            List<Facts.Pledge> pledges = pledges(rows, fulfilments);
            for (int i = 0; i < rows.size(); i++) {
                found.put((UUID) rows.get(i)[0], pledges.get(i));
            }
        }
        return found;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Facts.Contribution> allContributions() {

        return contributions("", Map.of());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Facts.Contribution> contributionsRecordedTo(Collection<String> areas) {
        if (areas.isEmpty()) {
            return List.of();
        }
        return contributions(recordedTo("select id, district_code, commune_code, amount_vnd, received_on, reversed_on, pledge_id from contribution",
                areas));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> pledgesRecordedTo(Collection<String> areas) {
        if (areas.isEmpty()) {
            return List.of();
        }
        return recordedTo("select id from pledge", areas).stream().map(row -> (UUID) row[0]).toList();
    }

    /** The rows of {@code select} recorded to one of {@code areas}, district or commune (each column's index can serve). */
    private List<Object[]> recordedTo(String select, Collection<String> areas) {
        RoundTrip.Array codes = new RoundTrip.Array("varchar", areas);
        return ArrayQuery.rowsWith(em.unwrap(Session.class), select + " where district_code = any(?) or commune_code = any(?)", codes, codes);
    }

    /** The pledge with the contributions that name it; null when unknown. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Pledge pledge(UUID id) {
        if (id == null) {
            return null;
        }
        List<Facts.Pledge> found = pledges(" where id = :id", id, contributions(" where pledge_id = :id", Map.of("id", id)));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every pledge, with its fulfilments taken from {@code contributions} (all of them). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Facts.Pledge> allPledges(List<Facts.Contribution> contributions) {
        return pledges("", null, contributions);
    }

    private List<Facts.Pledge> pledges(String where, UUID id, List<Facts.Contribution> contributions) {
        List<Object[]> rows = rows("select id, district_code, commune_code, amount_vnd, pledged_on, cancelled_on from pledge" + where,
                id == null ? Map.of() : Map.of("id", id));
        return pledges(rows, contributions);
    }

    /** Pledge rows (id, district, commune, amount, pledged on, cancelled on) as facts, with their fulfilments among {@code contributions}. */
    private List<Facts.Pledge> pledges(List<Object[]> rows, List<Facts.Contribution> contributions) {
        Map<UUID, List<Facts.Contribution>> byPledge = new HashMap<>();
        for (Facts.Contribution c : contributions) {
            if (c.pledgeId() != null) {
                byPledge.computeIfAbsent(c.pledgeId(), k -> new ArrayList<>()).add(c);
            }
        }
        UnitHistory history = history(rows);
        List<Facts.Pledge> pledges = new ArrayList<>();
        for (Object[] p : rows) {
            String area = FigureStore.area((String) p[1], (String) p[2]);
            LocalDate pledgedOn = SqlTime.date(p[4]);
            pledges.add(new Facts.Pledge(area, history.endOf(area, pledgedOn), ((Number) p[3]).longValue(), pledgedOn, SqlTime.date(p[5]),
                    byPledge.getOrDefault((UUID) p[0], List.of())));
        }
        return pledges;
    }

    /**
     * Contributions with the area they were recorded to and the day that area ends: one recorded to
     * a district counts at province level from the day the district ends (decision 0013).
     */
    private List<Facts.Contribution> contributions(String where, Map<String, Object> parameters) {
        return contributions(rows("select id, district_code, commune_code, amount_vnd, received_on, reversed_on, pledge_id from contribution"
                + where, parameters));
    }

    /** The same for a condition on one array of ids ({@code = any(?)}). */
    private List<Facts.Contribution> contributions(String where, Collection<UUID> ids) {
        return contributions(rowsOf("select id, district_code, commune_code, amount_vnd, received_on, reversed_on, pledge_id from contribution"
                + where, ids));
    }

    private List<Facts.Contribution> contributions(List<Object[]> rows) {
        UnitHistory history = history(rows);
        return rows.stream().map(r -> {
            String area = FigureStore.area((String) r[1], (String) r[2]);
            LocalDate receivedOn = SqlTime.date(r[4]);
            return new Facts.Contribution((UUID) r[0], area, history.endOf(area, receivedOn), ((Number) r[3]).longValue(), receivedOn,
                    SqlTime.date(r[5]), (UUID) r[6]);
        }).toList();
    }

    /** The periods of the areas the rows (district in column 1, commune in column 2) were recorded to. */
    private UnitHistory history(List<Object[]> rows) {
        java.util.Set<String> codes = new java.util.TreeSet<>();
        for (Object[] r : rows) {
            codes.add(FigureStore.area((String) r[1], (String) r[2]));
        }
        codes.remove(vn.ishc.reporting.figures.ReadyFigures.PROVINCE_LEVEL);
        return areas.history(codes);
    }

    /** Rows of a query whose one parameter is an array of ids. */
    private List<Object[]> rowsOf(String sql, Collection<UUID> ids) {
        return ArrayQuery.rows(em.unwrap(Session.class), sql, "uuid", ids);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, ?> parameters) {
        var query = em.createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

}
