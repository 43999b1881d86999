package vn.ishc.registry.club;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.text.SearchText;
import vn.ishc.registry.adminunit.AdminUnit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What an import needs of clubs: the API's rules for a club row, the active club a row names (by
 * commune and name), and registering or changing it for many members at once, with one history
 * entry and one snapshot event for the whole import of the club.
 */
@ApplicationScoped
public class ClubImports {

    /** A club row's facts, cleaned, and what is wrong with them. */
    public record Checked(String name, String hamlet, LocalDate establishedOn, List<KeyedFieldError> errors) {
    }

    @Inject
    vn.ishc.registry.adminunit.Hierarchy hierarchy;

    @Inject
    ClubPlacements placements;

    @Inject
    ClubService clubs;

    @Inject
    ClubSnapshots snapshots;

    @Inject
    ChangeRecorder history;

    /** The name and hamlet cleaned as the API cleans them; the establishment date checked when given. */
    public Checked check(String name, String hamlet, LocalDate establishedOn, LocalDate today) {
        List<KeyedFieldError> errors = new ArrayList<>();
        String clean = ClubService.normaliseName(name, errors);
        ClubService.checkHamlet(hamlet, errors);
        if (establishedOn != null && establishedOn.isAfter(today)) {
            errors.add(new KeyedFieldError("establishedOn", "date.future"));
        }
        return new Checked(clean, ClubService.blankToNull(hamlet), establishedOn, errors);
    }

    /** How an import names a club within its commune: the name, case and spacing ignored. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The active club of that name in the commune, locked for the import's change when asked. */
    public Optional<Club> active(String communeCode, String name, boolean lock) {
        var query = Club.<Club>find("communeCode = ?1 and lower(name) = ?2 and status = ?3", communeCode, nameKey(name), ClubStatus.ACTIVE);
        if (lock) {
            query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }

    /** What a change of hamlet or establishment date would be refused for, on an existing club. */
    public List<KeyedFieldError> checkChange(Club club, LocalDate establishedOn) {
        List<KeyedFieldError> errors = new ArrayList<>();
        if (establishedOn != null && !establishedOn.equals(club.establishedOn)) {
            clubs.checkNewEstablishmentDate(club, establishedOn, errors);
        }
        return errors;
    }

    /** Whether the row would change the stored club (a blank hamlet or date in the file leaves it as it is). */
    public static boolean differs(Club club, String hamlet, LocalDate establishedOn) {
        return hamlet != null && !hamlet.equals(club.hamlet) || establishedOn != null && !establishedOn.equals(club.establishedOn);
    }

    /** Registers a club for an import; its history and snapshot follow with {@link #imported}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Club register(AdminUnit commune, AdminUnit district, Checked row, String actor, Instant now) {
        Club club = new Club();
        club.id = UUID.randomUUID();
        club.name = row.name();
        club.searchName = SearchText.fold(row.name());
        club.communeCode = commune.code;
        club.districtCode = hierarchy.districtOf(commune, row.establishedOn());
        club.provinceCode = hierarchy.provinceOf(commune, row.establishedOn());
        club.hamlet = row.hamlet();
        club.establishedOn = row.establishedOn();
        club.status = ClubStatus.ACTIVE;
        club.place(placements.of(club.communeCode, club.establishedOn, null));
        club.created(actor, now);
        ClubService.persistUnique(club);
        history.record(club.id, Club.HISTORY_ENTITY, club.id, "REGISTERED", new Changes()
                .field("name", null, club.name).field("communeCode", null, club.communeCode).field("hamlet", null, club.hamlet)
                .field("establishedOn", null, club.establishedOn), actor, now);
        return club;
    }

    /** Applies the row's hamlet and establishment date to an existing club; answers what changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Changes update(Club club, String hamlet, LocalDate establishedOn) {
        Changes changes = new Changes();
        if (hamlet != null) {
            changes.field("hamlet", club.hamlet, hamlet);
            club.hamlet = hamlet;
        }
        if (establishedOn != null) {
            changes.field("establishedOn", club.establishedOn, establishedOn);
            club.establishedOn = establishedOn;
            club.place(placements.of(club.communeCode, club.establishedOn, club.successorCommuneCode));
        }
        return changes;
    }

    /**
     * Closes a club's import: one version, one history entry naming the import and what it did,
     * one snapshot event with all its members.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void imported(Club club, boolean isNew, Changes changes, String actor, Instant now) {
        if (!isNew) {
            club.changed(actor, now);
        }
        history.record(club.id, Club.HISTORY_ENTITY, club.id, "IMPORTED", changes, actor, now);
        snapshots.publish(club);
    }
}
