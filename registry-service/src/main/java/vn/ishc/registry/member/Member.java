package vn.ishc.registry.member;

import jakarta.persistence.Column;
import vn.ishc.kit.history.Audited;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member of a club. Name, birth date, phone and ethnicity are personal data: they stay in this
 * service and are shown only to those allowed to see them. Age is never stored; it is computed
 * for the date asked.
 */
@Entity
@Table(name = "member")
public class Member extends Audited {

    /** How its changes are named in the change log. */
    public static final String HISTORY_ENTITY = "MEMBER";

    @Id
    public UUID id;

    @Column(name = "club_id", nullable = false)
    public UUID clubId;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "household_status", nullable = false)
    public HouseholdStatus householdStatus;

    @Column(name = "household_status_year")
    public Integer householdStatusYear;

    @Column(name = "ethnic_minority")
    public Boolean ethnicMinority;

    public String phone;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "departure_reason")
    public String departureReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;


    /** Age on a date: exact with a birth date; reporting year − birth year when only the year is known. */
    public int ageOn(LocalDate date) {
        return Ages.ageOn(birthDate, birthYear, date);
    }

    /** Active on a date by the counting rules (the club's own activity is checked by the caller). */
    public boolean activeOn(LocalDate date) {
        return !joinedOn.isAfter(date) && (leftOn == null || leftOn.isAfter(date));
    }
}
