package vn.ishc.registry.member;

import java.time.LocalDate;
import java.time.Period;

/** Ages by the Law on the Elderly: 60 or over is an older person (NCT). */
public final class Ages {

    public static final int OLDER_FROM = 60;

    private Ages() {
    }

    public static int ageOn(LocalDate birthDate, Integer birthYear, LocalDate date) {
        if (birthDate != null) {
            return Period.between(birthDate, date).getYears();
        }
        return date.getYear() - birthYear;
    }

    public static boolean olderOn(LocalDate birthDate, Integer birthYear, LocalDate date) {
        return ageOn(birthDate, birthYear, date) >= OLDER_FROM;
    }
}
