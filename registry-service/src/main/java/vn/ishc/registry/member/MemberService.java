package vn.ishc.registry.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.registry.club.Club;
import vn.ishc.registry.club.ClubSnapshot;
import vn.ishc.registry.club.ClubService;
import vn.ishc.registry.club.ClubStatus;
import vn.ishc.kit.time.VietnamClock;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.paging.Page;
import vn.ishc.kit.paging.PageRequest;
import vn.ishc.kit.problem.Messages;
import vn.ishc.kit.problem.MergePatch;
import vn.ishc.kit.problem.Preconditions;
import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.problem.ProblemException;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.security.Caller;
import vn.ishc.kit.text.SearchText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Adds, changes and records the departure of members; each change is also a change of their club. */
@ApplicationScoped
public class MemberService {

    static final Set<String> PATCHABLE = Set.of("fullName", "gender", "birthDate", "birthYear", "householdStatus",
            "householdStatusYear", "ethnicMinority", "phone", "joinedOn");

    /**
     * Every member a club ever had travels in its snapshot event. A club's norm is 50–70 members;
     * this bound (about 200 KB of snapshot) keeps every snapshot far below Kafka's 1 MB record limit.
     */
    static final int MAX_MEMBERS_PER_CLUB = 1_000;

    /** A member together with what the officer should double-check. */
    public record Saved(Member member, List<MemberView.Warning> warnings) {
    }

    @Inject
    ClubService clubs;

    @Inject
    MembersOfClubs membersOfClubs;

    @Inject
    VietnamClock clock;

    @Inject
    Caller caller;

    @Transactional
    public Saved add(UUID clubId, NewMember request, Locale locale) {
        Club club = clubs.getForUpdate(clubId);
        clubs.requireWriter(club, "member.district.forbidden");
        MemberDraft draft = MemberDraft.of(request);
        List<KeyedFieldError> errors = MemberRules.check(draft, club, clock.today());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (club.status == ClubStatus.CLOSED) {
            throw ProblemException.conflict("member.clubClosed", club.closedOn);
        }
        List<ClubSnapshot.MemberFacts> everyone = membersOfClubs.snapshotFacts(club.id); // every member it ever had, in its snapshot
        if (everyone.size() >= MAX_MEMBERS_PER_CLUB) {
            throw ProblemException.conflict("member.clubFull", MAX_MEMBERS_PER_CLUB);
        }
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.clubId = club.id;
        member.status = MemberStatus.ACTIVE;
        Instant now = clock.now();
        member.created(caller.subject(), now);
        Changes changes = apply(draft, member, new Changes());
        member.persist();
        clubs.changed(club, "MEMBER_JOINED", new Changes().field("member", null, member.id), now, List.of(
                new ChangeRecorder.Entry(club.id, Member.HISTORY_ENTITY, member.id, "JOINED", changes)),
                MembersOfClubs.with(everyone, member));
        return new Saved(member, warnings(member, club, locale));
    }

    public Member get(Club club, UUID memberId) {
        Member member = Member.findById(memberId);
        if (member == null || !member.clubId.equals(club.id)) {
            throw ProblemException.notFound("member.notFound", memberId.toString());
        }
        return member;
    }

    public Page<Member> list(Club club, MemberStatus status, PageRequest paging) {
        String where = "clubId = :club" + (status == null ? "" : " and status = :status");
        Parameters params = Parameters.with("club", club.id);
        if (status != null) {
            params.and("status", status);
        }
        var query = Member.<Member>find(where, Sort.by("searchName").and("id"), params);
        List<Member> items = query.page(io.quarkus.panache.common.Page.of(paging.page(), paging.size())).list();
        return new Page<>(items, paging.page(), paging.size(), Member.count(where, params));
    }

    @Transactional
    public Saved patch(UUID clubId, UUID memberId, String ifMatch, JsonNode body, Locale locale) {
        Club club = clubs.getForUpdate(clubId);
        clubs.requireWriter(club, "member.district.forbidden");
        Member member = get(club, memberId);
        Preconditions.requireMatch(ifMatch, member.version);
        MergePatch patch = new MergePatch(body, PATCHABLE);
        MemberDraft draft = MemberDraft.of(member);
        patch.text("fullName", v -> draft.fullName = v);
        patch.enumValue("gender", Gender.class, v -> draft.gender = v);
        patch.date("birthDate", v -> draft.birthDate = v);
        patch.integer("birthYear", v -> draft.birthYear = v);
        patch.enumValue("householdStatus", HouseholdStatus.class, v -> draft.householdStatus = v);
        patch.integer("householdStatusYear", v -> draft.householdStatusYear = v);
        patch.bool("ethnicMinority", v -> draft.ethnicMinority = v);
        patch.text("phone", v -> draft.phone = v);
        patch.date("joinedOn", v -> draft.joinedOn = v);
        List<KeyedFieldError> errors = new ArrayList<>(patch.errors());
        if (errors.isEmpty()) {
            errors.addAll(MemberRules.check(draft, club, clock.today()));
            if (member.leftOn != null && draft.joinedOn != null && draft.joinedOn.isAfter(member.leftOn)) {
                errors.add(new KeyedFieldError("joinedOn", "member.joinedOn.afterLeft", member.leftOn));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Changes changes = apply(draft, member, new Changes());
        if (changes.isEmpty()) {
            return new Saved(member, List.of());
        }
        Instant now = clock.now();
        member.changed(caller.subject(), now);
        clubs.changed(club, "MEMBER_UPDATED", new Changes().field("member", null, member.id), now, List.of(
                new ChangeRecorder.Entry(club.id, Member.HISTORY_ENTITY, member.id, "UPDATED", changes)),
                membersOfClubs.snapshotFacts(club.id));
        return new Saved(member, warnings(member, club, locale));
    }

    @Transactional
    public Member depart(UUID clubId, UUID memberId, String ifMatch, Departure departure) {
        Club club = clubs.getForUpdate(clubId);
        clubs.requireWriter(club, "member.district.forbidden");
        Member member = get(club, memberId);
        if (ifMatch != null) {
            Preconditions.requireMatch(ifMatch, member.version);
        }
        List<KeyedFieldError> errors = new ArrayList<>();
        if (departure.leftOn().isAfter(clock.today())) {
            errors.add(new KeyedFieldError("leftOn", "date.future"));
        } else if (departure.leftOn().isBefore(member.joinedOn)) {
            errors.add(new KeyedFieldError("leftOn", "member.leftOn.beforeJoined", member.joinedOn));
        }
        String reason = CleanText.optional(departure.reason());
        reason = reason == null ? "" : reason;
        if (reason.isEmpty() || reason.length() > 500) {
            errors.add(new KeyedFieldError("reason", "reason.length"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (member.status == MemberStatus.LEFT) {
            throw ProblemException.conflict("member.alreadyLeft", member.leftOn);
        }
        Changes changes = new Changes().field("status", member.status, MemberStatus.LEFT).field("leftOn", null, departure.leftOn())
                .field("departureReason", null, reason);
        member.status = MemberStatus.LEFT;
        member.leftOn = departure.leftOn();
        member.departureReason = reason;
        Instant now = clock.now();
        member.changed(caller.subject(), now);
        clubs.changed(club, "MEMBER_LEFT", new Changes().field("member", null, member.id), now, List.of(
                new ChangeRecorder.Entry(club.id, Member.HISTORY_ENTITY, member.id, "LEFT", changes)),
                membersOfClubs.snapshotFacts(club.id));
        return member;
    }

    /** Copies the checked draft onto the member and returns what changed. */
    static Changes apply(MemberDraft d, Member m, Changes changes) {
        changes.field("fullName", m.fullName, d.fullName).field("gender", m.gender, d.gender)
                .field("birthDate", m.birthDate, d.birthDate).field("birthYear", m.birthYear, d.birthYear)
                .field("householdStatus", m.householdStatus, d.householdStatus)
                .field("householdStatusYear", m.householdStatusYear, d.householdStatusYear)
                .field("ethnicMinority", m.ethnicMinority, d.ethnicMinority).field("phone", m.phone, d.phone)
                .field("joinedOn", m.joinedOn, d.joinedOn);
        m.fullName = d.fullName;
        m.searchName = SearchText.fold(d.fullName);
        m.gender = d.gender;
        m.birthDate = d.birthDate;
        m.birthYear = d.birthYear;
        m.householdStatus = d.householdStatus;
        m.householdStatusYear = d.householdStatusYear;
        m.ethnicMinority = d.ethnicMinority;
        m.phone = d.phone;
        m.joinedOn = d.joinedOn;
        return changes;
    }

    /** What the officer should double-check: a possible duplicate, a poverty status without its year. */
    private List<MemberView.Warning> warnings(Member member, Club club, Locale locale) {
        List<MemberView.Warning> warnings = new ArrayList<>(possibleDuplicates(member, club, locale));
        if (member.householdStatus.needsCertificationYear() && member.householdStatusYear == null) {
            warnings.add(new MemberView.Warning("HOUSEHOLD_STATUS_YEAR_MISSING", Messages.text(locale, "member.householdYear.missing"), List.of()));
        }
        return warnings;
    }

    /** The same name and birth date (or birth year, when only that is known) in another active club of the district. */
    private List<MemberView.Warning> possibleDuplicates(Member member, Club club, Locale locale) {
        String sameBirth = member.birthDate != null ? "m.birthDate = :birth" : "m.birthDate is null and m.birthYear = :birth";
        List<UUID> otherClubs = Member.getEntityManager().createQuery("""
                        select distinct m.clubId from Member m, Club c
                        where c.id = m.clubId and c.districtCode = :district and m.clubId <> :club and m.status = :active
                          and m.searchName = :name and\s""" + sameBirth, UUID.class)
                .setParameter("district", club.districtCode)
                .setParameter("club", club.id)
                .setParameter("active", MemberStatus.ACTIVE)
                .setParameter("name", member.searchName)
                .setParameter("birth", member.birthDate != null ? member.birthDate : member.birthYear)
                .getResultList();
        if (otherClubs.isEmpty()) {
            return List.of();
        }
        return List.of(new MemberView.Warning("POSSIBLE_DUPLICATE", Messages.text(locale, "member.possibleDuplicate"), otherClubs));
    }
}
