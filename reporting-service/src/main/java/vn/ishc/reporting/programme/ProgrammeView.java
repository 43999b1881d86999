package vn.ishc.reporting.programme;

import java.time.LocalDate;

/** A programme as the API shows it, with its province targets. */
public record ProgrammeView(String code, String name, LocalDate startsOn, LocalDate endsOn, String legalBasis,
                            ProvinceTargets targets) {

    public record ProvinceTargets(Integer clubs, Integer olderMembers, Long contributionsVnd) {
    }
}
