package vn.ishc.registry.club;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ishc.registry.adminunit.AdminUnit;
import vn.ishc.registry.adminunit.AdminUnits;
import vn.ishc.registry.adminunit.Hierarchy;
import vn.ishc.kit.security.Place;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.MergePatch;
import vn.ishc.kit.problem.Preconditions;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.text.SearchText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registers, changes and closes clubs; every change commits the club, its history and its snapshot event together. */
@ApplicationScoped
public class ClubService {

    static final Set<String> PATCHABLE = Set.of("name", "hamlet", "establishedOn");
    static final int MAX_HAMLET = 200;

    @Inject
    AdminUnits adminUnits;

    @Inject
    Hierarchy hierarchy;

    @Inject
    ClubPlacements placements;

    @Inject
    ClubSnapshots snapshots;

    @Inject
    ClubMembers members;

    @Inject
    ChangeRecorder history;

    @Inject
    VietnamClock clock;

    @Inject
    Caller caller;

    @Transactional
    public Club register(NewClub request) {
        List<KeyedFieldError> errors = new ArrayList<>();
        String name = normaliseName(request.name(), errors);
        checkHamlet(request.hamlet(), errors);
        checkEstablishedOn(request.establishedOn(), errors);
        AdminUnit commune = adminUnits.commune(request.communeCode(), request.establishedOn()).orElse(null);
        if (commune == null) {
            errors.add(adminUnits.communeExists(request.communeCode())
                    ? new KeyedFieldError("communeCode", "club.commune.notValidOn", request.communeCode(), request.establishedOn())
                    : new KeyedFieldError("communeCode", "club.commune.unknown", request.communeCode()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String districtCode = hierarchy.districtOf(commune, request.establishedOn());
        caller.requireActOn(Place.of(districtCode, commune.code), "club.district.forbidden", this::areaLabel);
        requireUniqueName(commune.code, name, null);

        Club club = new Club();
        club.id = UUID.randomUUID();
        club.name = name;
        club.searchName = SearchText.fold(name);
        club.communeCode = commune.code;
        club.districtCode = districtCode;
        club.provinceCode = hierarchy.provinceOf(commune, request.establishedOn());
        club.hamlet = blankToNull(request.hamlet());
        club.establishedOn = request.establishedOn();
        club.status = ClubStatus.ACTIVE;
        club.place(placements.of(club.communeCode, club.establishedOn, null));
        Instant now = clock.now();
        club.created(caller.subject(), now);
        persistUnique(club);
        history.record(club.id, Club.HISTORY_ENTITY, club.id, "REGISTERED", new Changes()
                .field("name", null, club.name).field("communeCode", null, club.communeCode).field("hamlet", null, club.hamlet)
                .field("establishedOn", null, club.establishedOn), caller.subject(), now);
        snapshots.publish(club);
        return club;
    }

    public Club get(UUID id) {
        Club club = Club.findById(id);
        if (club == null) {
            throw ProblemException.notFound("club.notFound", id.toString());
        }
        return club;
    }

    /** Locks the club row for a change, so changes to one club and its members are applied one at a time. */
    public Club getForUpdate(UUID id) {
        Club club = Club.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (club == null) {
            throw ProblemException.notFound("club.notFound", id.toString());
        }
        return club;
    }

    public Page<Club> list(String districtCode, String communeCode, ClubStatus status, String q, Boolean awaitingSuccessor,
                           PageRequest paging) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (districtCode != null && !districtCode.isBlank()) {
            where.append(" and districtCode = :district");
            params.and("district", districtCode.strip());
        }
        if (communeCode != null && !communeCode.isBlank()) {
            where.append(" and communeCode = :commune");
            params.and("commune", communeCode.strip());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (awaitingSuccessor != null) {
            where.append(awaitingSuccessor ? " and successorCandidates is not null" : " and successorCandidates is null");
        }
        if (q != null && !q.isBlank()) {
            where.append(" and searchName like :q");
            params.and("q", SearchText.containsPattern(q));
        }
        var query = Club.<Club>find(where.toString(), Sort.by("searchName").and("id"), params);
        List<Club> items = query.page(io.quarkus.panache.common.Page.of(paging.page(), paging.size())).list();
        return new Page<>(items, paging.page(), paging.size(), Club.count(where.toString(), params));
    }

    @Transactional
    public Club patch(UUID id, String ifMatch, JsonNode body) {
        Club club = getForUpdate(id);
        requireWriter(club, "club.district.forbidden");
        Preconditions.requireMatch(ifMatch, club.version);
        MergePatch patch = new MergePatch(body, PATCHABLE);
        String[] name = {club.name};
        String[] hamlet = {club.hamlet};
        LocalDate[] established = {club.establishedOn};
        patch.text("name", v -> name[0] = v);
        patch.text("hamlet", v -> hamlet[0] = v);
        patch.date("establishedOn", v -> established[0] = v);
        List<KeyedFieldError> errors = new ArrayList<>(patch.errors());
        if (errors.isEmpty()) {
            name[0] = normaliseName(name[0], errors);
            checkHamlet(hamlet[0], errors);
            if (established[0] == null) {
                errors.add(new KeyedFieldError("establishedOn", "field.required"));
            } else if (!established[0].equals(club.establishedOn)) {
                int before = errors.size();
                checkEstablishedOn(established[0], errors);
                if (errors.size() == before) { // a future date is one error, not also "commune not in force then"
                    checkNewEstablishmentDate(club, established[0], errors);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (club.status == ClubStatus.ACTIVE && !name[0].equalsIgnoreCase(club.name)) {
            requireUniqueName(club.communeCode, name[0], club.id);
        }
        Changes changes = new Changes().field("name", club.name, name[0]).field("hamlet", club.hamlet, blankToNull(hamlet[0]))
                .field("establishedOn", club.establishedOn, established[0]);
        if (changes.isEmpty()) {
            return club;
        }
        club.name = name[0];
        club.searchName = SearchText.fold(name[0]);
        club.hamlet = blankToNull(hamlet[0]);
        club.establishedOn = established[0];
        club.place(placements.of(club.communeCode, club.establishedOn, club.successorCommuneCode));
        changed(club, "UPDATED", changes);
        persistUnique(club);
        return club;
    }

    @Transactional
    public Club close(UUID id, String ifMatch, Closure closure) {
        Club club = getForUpdate(id);
        requireWriter(club, "club.district.forbidden");
        if (ifMatch != null) {
            Preconditions.requireMatch(ifMatch, club.version);
        }
        List<KeyedFieldError> errors = new ArrayList<>();
        if (closure.closedOn().isAfter(clock.today())) {
            errors.add(new KeyedFieldError("closedOn", "date.future"));
        } else if (closure.closedOn().isBefore(club.establishedOn)) {
            errors.add(new KeyedFieldError("closedOn", "club.closedOn.beforeEstablished", club.establishedOn));
        }
        String reason = CleanText.optional(closure.reason());
        reason = reason == null ? "" : reason;
        if (reason.isEmpty() || reason.length() > 500) {
            errors.add(new KeyedFieldError("reason", "reason.length"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (club.status == ClubStatus.CLOSED) {
            throw ProblemException.conflict("club.alreadyClosed", club.closedOn);
        }
        Changes changes = new Changes().field("status", club.status, ClubStatus.CLOSED).field("closedOn", null, closure.closedOn())
                .field("closureReason", null, reason);
        club.status = ClubStatus.CLOSED;
        club.closedOn = closure.closedOn();
        club.closureReason = reason;
        changed(club, "CLOSED", changes);
        return club;
    }

    /** Bumps the club's version, records who did it, writes the history entry and the snapshot event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Club club, String action, Changes changes) {
        changed(club, action, changes, clock.now(), List.of(), members.snapshotFacts(club.id));
    }

    /**
     * As {@link #changed(Club, String, Changes)}, at the time {@code now} of the change it belongs to,
     * saving round trips for a change to a member: the history entries of the same change
     * ({@code alongside}) are recorded before the club's, in one batch with it, and {@code memberFacts}
     * is the snapshot's member list as it now stands (as {@link ClubMembers#snapshotFacts} reads it),
     * which a member's addition builds without reading it again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Club club, String action, Changes changes, Instant now, List<ChangeRecorder.Entry> alongside,
                        List<ClubSnapshot.MemberFacts> memberFacts) {
        club.changed(caller.subject(), now);
        List<ChangeRecorder.Entry> entries = new ArrayList<>(alongside);
        entries.add(new ChangeRecorder.Entry(club.id, Club.HISTORY_ENTITY, club.id, action, changes));
        history.recordAll(entries, caller.subject(), now);
        snapshots.publish(club, memberFacts);
    }

    /**
     * Chooses the successor of a club whose commune was split (decision 0013): one of its
     * candidates, by a province admin or an officer of the club's district or of a candidate.
     * Choosing again among the same candidates corrects the choice.
     */
    @Transactional
    public Club chooseSuccessor(UUID id, String ifMatch, String communeCode) {
        if (communeCode == null || !communeCode.matches("[0-9]{5}")) {
            throw ProblemException.invalid(List.of(new KeyedFieldError("communeCode", "club.successor.code")));
        }
        Club club = getForUpdate(id);
        List<String> candidates = club.candidates().isEmpty() ? splitCandidates(club) : club.candidates();
        if (candidates.isEmpty()) {
            throw ProblemException.conflict("club.successor.notAwaited", club.communeCode);
        }
        Set<String> area = new java.util.HashSet<>(candidates);
        caller.requireActOn(new Place(club.districtCode, area), "club.district.forbidden", this::areaLabel);
        if (ifMatch != null) {
            Preconditions.requireMatch(ifMatch, club.version);
        }
        if (!candidates.contains(communeCode)) {
            throw ProblemException.invalid(List.of(new KeyedFieldError("communeCode", "club.successor.notCandidate",
                    String.valueOf(communeCode), String.join(", ", candidates))));
        }
        if (communeCode.equals(club.successorCommuneCode)) {
            return club;
        }
        Changes changes = new Changes().field("successorCommuneCode", club.successorCommuneCode, communeCode);
        club.successorCommuneCode = communeCode;
        club.place(placements.of(club.communeCode, club.establishedOn, communeCode));
        changed(club, "SUCCESSOR_CHOSEN", changes);
        return club;
    }

    /** The candidates of a club whose successor was already chosen (so that the choice can be corrected). */
    private List<String> splitCandidates(Club club) {
        if (club.successorCommuneCode == null) {
            return List.of();
        }
        return placements.of(club.communeCode, club.establishedOn, null).candidates();
    }

    /** Refuses (403) a change to the club, or with {@code messageKey} to its members, outside the caller's area. */
    public void requireWriter(Club club, String messageKey) {
        caller.requireActOn(placeOf(club), messageKey, this::areaLabel);
    }

    /**
     * The club for scope checks: its district (district officers keep their pre-reform clubs), and
     * the commune it sits in today or, while it awaits a successor, its candidates.
     */
    public Place placeOf(Club club) {
        Set<String> communes = new java.util.HashSet<>(club.candidates());
        club.placementOn(clock.today()).map(ClubPlacement::communeCode).filter(java.util.Objects::nonNull).ifPresent(communes::add);
        if (club.establishedOn.isAfter(clock.today())) {
            communes.add(club.communeCode);
        }
        return new Place(club.districtCode, communes);
    }

    /** "Thành phố Sông Công (165)": how a refusal names an area, by its name today and its code. */
    private String areaLabel(String code) {
        return adminUnits.lastKnownOn(code, clock.today()).map(unit -> unit.fullName + " (" + code + ")").orElse(code);
    }

    public void requirePersonalDataReader(Club club) {
        if (!caller.mayActOn(placeOf(club))) {
            throw ProblemException.forbidden("club.personalData.forbidden", club.districtCode);
        }
    }

    /** Today's membership of a club against the norms. */
    public ClubSummary summary(Club club) {
        LocalDate today = clock.today();
        boolean clubActive = !club.establishedOn.isAfter(today) && (club.closedOn == null || club.closedOn.isAfter(today));
        return clubActive ? members.summaryOn(club.id, today) : ClubSummary.of(today, 0, 0, 0, 0, 0, 0);
    }

    static String normaliseName(String raw, List<KeyedFieldError> errors) {
        String name = raw == null ? "" : CleanText.name(raw);
        if (name.length() < 3 || name.length() > 200) {
            errors.add(new KeyedFieldError("name", "club.name.length"));
        } else if (!CleanText.isReadableName(name)) {
            errors.add(new KeyedFieldError("name", "name.unreadable"));
        }
        return name;
    }

    static void checkHamlet(String hamlet, List<KeyedFieldError> errors) {
        if (hamlet != null && hamlet.strip().length() > MAX_HAMLET) {
            errors.add(new KeyedFieldError("hamlet", "club.hamlet.length", MAX_HAMLET));
        }
    }

    private void checkEstablishedOn(LocalDate establishedOn, List<KeyedFieldError> errors) {
        if (establishedOn.isAfter(clock.today())) {
            errors.add(new KeyedFieldError("establishedOn", "date.future"));
        }
    }

    void checkNewEstablishmentDate(Club club, LocalDate establishedOn, List<KeyedFieldError> errors) {
        if (adminUnits.commune(club.communeCode, establishedOn).isEmpty()) {
            errors.add(new KeyedFieldError("establishedOn", "club.commune.notValidOn", club.communeCode, establishedOn));
        }
        if (club.closedOn != null && establishedOn.isAfter(club.closedOn)) {
            errors.add(new KeyedFieldError("establishedOn", "club.establishedOn.afterClosure", club.closedOn));
        }
        members.firstJoinedOn(club.id)
                .filter(first -> first.isBefore(establishedOn))
                .ifPresent(first -> errors.add(new KeyedFieldError("establishedOn", "club.establishedOn.afterMembers", first)));
    }

    /**
     * Writes the club now, so that two officers registering the same name at the same moment get a
     * 409 from the database's unique index rather than a failed commit.
     */
    static void persistUnique(Club club) {
        try {
            club.persistAndFlush();
        } catch (jakarta.persistence.PersistenceException e) {
            if (e.getCause() instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "club_active_name_per_commune".equals(violation.getConstraintName())) {
                throw ProblemException.conflict("club.name.taken", club.name);
            }
            throw e;
        }
    }

    private static void requireUniqueName(String communeCode, String name, UUID except) {
        long clash = Club.count("communeCode = ?1 and lower(name) = lower(?2) and status = ?3 and id <> ?4", communeCode, name,
                ClubStatus.ACTIVE, except == null ? new UUID(0, 0) : except);
        if (clash > 0) {
            throw ProblemException.conflict("club.name.taken", name);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
