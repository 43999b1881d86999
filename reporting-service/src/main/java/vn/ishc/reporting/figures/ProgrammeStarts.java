package vn.ishc.reporting.figures;

import vn.ishc.kit.sql.RoundTrip;

import java.time.LocalDate;
import java.util.List;

/**
 * The distinct start dates of the programmes: figures that depend on the start are kept once for
 * each. The programme package owns programmes and answers.
 */
public interface ProgrammeStarts {

    List<LocalDate> all();

    /** {@link #all()} read in {@code reads}, a round trip the caller sends. */
    RoundTrip.Answer<List<LocalDate>> all(RoundTrip reads);
}
