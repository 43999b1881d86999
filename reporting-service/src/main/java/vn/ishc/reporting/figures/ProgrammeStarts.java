package vn.ishc.reporting.figures;

import java.time.LocalDate;
import java.util.List;

/**
 * The distinct start dates of the programmes: figures that depend on the start are kept once for
 * each. The programme package owns programmes and answers.
 */
public interface ProgrammeStarts {

    List<LocalDate> all();
}
