package vn.ishc.registry.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.ishc.kit.history.ChangeRecorder;
import vn.ishc.kit.history.Changes;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.text.CleanText;
import vn.ishc.registry.club.Club;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What an import needs of members: the API's rules for a row, who in a club is the same person,
 * and adding or changing many members of one club at once. The club's own change (its version,
 * history and one snapshot for all of them) is the caller's.
 */
@ApplicationScoped
public class MemberImports {

    public enum Action { CREATE, UPDATE, UNCHANGED }

    /** The facts cleaned as the API cleans them, and what is wrong with them. */
    public record Checked(MemberFacts facts, List<KeyedFieldError> errors) {
    }

    /** What happened to a row, or why it could not be written. */
    public record Written(Action action, List<KeyedFieldError> errors) {
    }

    @Inject
    ChangeRecorder history;

    public static Checked check(MemberFacts facts, LocalDate clubEstablishedOn, LocalDate today) {
        MemberDraft draft = facts.draft();
        List<KeyedFieldError> errors = MemberRules.check(draft, clubEstablishedOn, today);
        return new Checked(MemberFacts.of(draft), errors);
    }

    /**
     * Who a member is within a club: the name (case, spacing and Unicode form ignored) and the birth
     * year; two people of one name and year are told apart by their birth dates when both have one.
     */
    public static String personKey(String fullName, LocalDate birthDate, Integer birthYear) {
        int year = birthDate != null ? birthDate.getYear() : birthYear == null ? 0 : birthYear;
        return CleanText.name(fullName).toLowerCase(Locale.ROOT) + "|" + year;
    }

    static boolean sameBirth(LocalDate a, LocalDate b) {
        return a == null || b == null || a.equals(b);
    }

    /** Every member the club ever had, by person key. */
    public Map<String, List<Member>> byPerson(UUID clubId) {
        Map<String, List<Member>> people = new HashMap<>();
        for (Member m : Member.<Member>list("clubId", clubId)) {
            people.computeIfAbsent(personKey(m.fullName, m.birthDate, m.birthYear), k -> new ArrayList<>()).add(m);
        }
        return people;
    }

    /** The stored member the facts describe, if any. */
    public static Member match(Map<String, List<Member>> people, MemberFacts facts) {
        List<Member> candidates = people.getOrDefault(personKey(facts.fullName(), facts.birthDate(), facts.birthYear()), List.of());
        return candidates.stream().filter(m -> sameBirth(m.birthDate, facts.birthDate())).findFirst().orElse(null);
    }

    /** What writing the facts would do to the stored member (null: a new member). */
    public static Action actionFor(Member stored, MemberFacts facts) {
        if (stored == null) {
            return Action.CREATE;
        }
        return MemberService.apply(facts.draft(), copy(stored), new Changes()).isEmpty() ? Action.UNCHANGED : Action.UPDATE;
    }

    /**
     * Adds or changes the rows' members in the locked club, checked again against what is stored now.
     * Returns one result per row, in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Written> write(Club club, List<MemberFacts> rows, String actor, Instant now, LocalDate today) {
        Map<String, List<Member>> people = byPerson(club.id);
        long count = people.values().stream().mapToLong(List::size).sum();
        List<Written> results = new ArrayList<>();
        // Recorded together after the loop, so that the new members' inserts are sent in batches too.
        List<ChangeRecorder.Entry> changes = new ArrayList<>();
        for (MemberFacts facts : rows) {
            Checked checked = check(facts, club.establishedOn, today);
            if (!checked.errors().isEmpty()) {
                results.add(new Written(null, checked.errors()));
                continue;
            }
            Member member = match(people, checked.facts());
            if (member == null) {
                if (count >= MemberService.MAX_MEMBERS_PER_CLUB) {
                    results.add(new Written(null, List.of(new KeyedFieldError(null, "member.clubFull", MemberService.MAX_MEMBERS_PER_CLUB))));
                    continue;
                }
                member = new Member();
                member.id = UUID.randomUUID();
                member.clubId = club.id;
                member.status = MemberStatus.ACTIVE;
                member.created(actor, now);
                Changes joined = MemberService.apply(checked.facts().draft(), member, new Changes());
                member.persist();
                changes.add(new ChangeRecorder.Entry(club.id, Member.HISTORY_ENTITY, member.id, "JOINED", joined));
                people.computeIfAbsent(personKey(member.fullName, member.birthDate, member.birthYear), k -> new ArrayList<>()).add(member);
                count++;
                results.add(new Written(Action.CREATE, List.of()));
                continue;
            }
            if (member.leftOn != null && checked.facts().joinedOn().isAfter(member.leftOn)) {
                results.add(new Written(null, List.of(new KeyedFieldError("joinedOn", "member.joinedOn.afterLeft", member.leftOn))));
                continue;
            }
            Changes updated = MemberService.apply(checked.facts().draft(), member, new Changes());
            if (updated.isEmpty()) {
                results.add(new Written(Action.UNCHANGED, List.of()));
            } else {
                member.changed(actor, now);
                changes.add(new ChangeRecorder.Entry(club.id, Member.HISTORY_ENTITY, member.id, "UPDATED", updated));
                results.add(new Written(Action.UPDATE, List.of()));
            }
        }
        history.recordAll(changes, actor, now);
        return results;
    }

    private static Member copy(Member m) {
        Member c = new Member();
        MemberService.apply(MemberDraft.of(m), c, new Changes());
        return c;
    }
}
