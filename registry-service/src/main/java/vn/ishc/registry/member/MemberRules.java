package vn.ishc.registry.member;

import vn.ishc.registry.club.Club;
import vn.ishc.kit.problem.ProblemException.KeyedFieldError;
import vn.ishc.kit.text.CleanText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The rules a member's facts must satisfy, for a new member and after every change. */
final class MemberRules {

    static final int MAX_AGE = 120;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 .-]{7,18}[0-9]$");

    private MemberRules() {
    }

    /** Normalises the draft in place (trimmed name and phone) and lists what is wrong with it. */
    static List<KeyedFieldError> check(MemberDraft d, Club club, LocalDate today) {
        return check(d, club.establishedOn, today);
    }

    /** The same, for a club established on the date (an import checks members of clubs not yet registered). */
    static List<KeyedFieldError> check(MemberDraft d, LocalDate clubEstablishedOn, LocalDate today) {
        List<KeyedFieldError> errors = new ArrayList<>();
        d.fullName = CleanText.name(d.fullName);
        d.phone = CleanText.optional(d.phone);
        if (d.fullName == null || d.fullName.isEmpty()) {
            errors.add(new KeyedFieldError("fullName", "field.required"));
        } else if (d.fullName.length() > 200) {
            errors.add(new KeyedFieldError("fullName", "member.name.length"));
        } else if (!CleanText.isReadableName(d.fullName)) {
            errors.add(new KeyedFieldError("fullName", "name.unreadable"));
        }
        if (d.gender == null) {
            errors.add(new KeyedFieldError("gender", "field.required"));
        }
        if (d.householdStatus == null) {
            errors.add(new KeyedFieldError("householdStatus", "field.required"));
        }
        checkBirth(d, today, errors);
        if (d.householdStatusYear != null && (d.householdStatusYear < 1990 || d.householdStatusYear > today.getYear())) {
            errors.add(new KeyedFieldError("householdStatusYear", "member.householdYear.range", today.getYear()));
        }
        if (d.phone != null && !PHONE.matcher(d.phone).matches()) {
            errors.add(new KeyedFieldError("phone", "member.phone.invalid"));
        }
        if (d.joinedOn == null) {
            errors.add(new KeyedFieldError("joinedOn", "field.required"));
        } else if (d.joinedOn.isAfter(today)) {
            errors.add(new KeyedFieldError("joinedOn", "date.future"));
        } else if (clubEstablishedOn != null && d.joinedOn.isBefore(clubEstablishedOn)) {
            errors.add(new KeyedFieldError("joinedOn", "member.joinedOn.beforeClub", clubEstablishedOn));
        }
        return errors;
    }

    private static void checkBirth(MemberDraft d, LocalDate today, List<KeyedFieldError> errors) {
        if (d.birthDate == null && d.birthYear == null) {
            errors.add(new KeyedFieldError("birthDate", "member.birth.required"));
            return;
        }
        if (d.birthDate != null && d.birthYear != null && d.birthDate.getYear() != d.birthYear) {
            errors.add(new KeyedFieldError("birthYear", "member.birth.inconsistent"));
            return;
        }
        if (d.birthDate != null && d.birthDate.isAfter(today)) {
            errors.add(new KeyedFieldError("birthDate", "date.future"));
            return;
        }
        int age = Ages.ageOn(d.birthDate, d.birthYear, today);
        if (age < 0 || age > MAX_AGE) {
            errors.add(new KeyedFieldError(d.birthDate != null ? "birthDate" : "birthYear", "member.age.range", MAX_AGE));
        }
    }
}
