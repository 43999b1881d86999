package vn.ishc.reporting.projection;

import vn.ishc.kit.time.SqlTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.ishc.reporting.figures.Facts;
import vn.ishc.reporting.figures.FigureStore;
import vn.ishc.reporting.figures.ProjectedFacts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** The one reader of the projected clubs, members, contributions and pledges, as counting facts. */
@ApplicationScoped
public class ProjectedFactsReader implements ProjectedFacts {

    @Inject
    EntityManager em;

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

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Contribution contribution(UUID id) {
        List<Facts.Contribution> found = contributions(" where id = :id", id);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Facts.Contribution> allContributions() {
        return contributions("", null);
    }

    /** The pledge with the contributions that name it; null when unknown. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Pledge pledge(UUID id) {
        if (id == null) {
            return null;
        }
        List<Facts.Pledge> found = pledges(" where id = :id", id, contributions(" where pledge_id = :id", id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every pledge, with its fulfilments taken from {@code contributions} (all of them). */
    @Override
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
            pledges.add(new Facts.Pledge(FigureStore.area((String) p[1]), ((Number) p[2]).longValue(), SqlTime.date(p[3]), SqlTime.date(p[4]),
                    byPledge.getOrDefault((UUID) p[0], List.of())));
        }
        return pledges;
    }

    private List<Facts.Contribution> contributions(String where, UUID id) {
        return rows("select id, district_code, amount_vnd, received_on, reversed_on, pledge_id from contribution" + where, id).stream()
                .map(r -> new Facts.Contribution((UUID) r[0], FigureStore.area((String) r[1]), ((Number) r[2]).longValue(), SqlTime.date(r[3]), SqlTime.date(r[4]),
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

}
