package vn.ishc.reporting.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code PUT /api/v1/district-plans/{id}/years}: every year of a draft or returned revision. */
@Schema(name = "PlanYears", example = """
        {"years": [{"year": 2017, "newClubs": 6, "maintainedClubs": 2, "olderMembers": 260, "contributionsVnd": 30000000}]}""")
public record PlanYearsRequest(
        @NotNull(message = "{field.required}") @Size(max = 50, message = "{plan.years.size}")
        List<@NotNull(message = "{field.required}") @Valid PlanYearFigures> years) {
}
