package vn.ishc.reporting.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code PUT /api/v1/programmes/{code}/targets}: all targets of the programme, replacing
 * the old ones. The split is by the areas of the programme: its districts, or for a programme that
 * starts after the 2025 reform the communes directly under the province on its start date; they may
 * be given as {@code districts} (as before) or {@code areas} (the level-neutral name), or both.
 */
@Schema(name = "Targets", example = """
        {"province": {"clubs": 400, "olderMembers": 15000, "contributionsVnd": 2000000000},
         "districts": [{"code": "164", "clubs": 80, "olderMembers": 3000, "contributionsVnd": 400000000},
                       {"code": "165", "clubs": 30, "olderMembers": 1100, "contributionsVnd": 150000000}]}""")
public record TargetsRequest(@NotNull(message = "{field.required}") @Valid Figures province,
                             @Schema(description = "Targets per district; for a programme on the post-2025 map, per commune (as areas)")
                             @Size(max = 200, message = "{targets.districts.size}") List<@NotNull(message = "{field.required}") @Valid DistrictFigures> districts,
                             @Schema(description = "Targets per area of the programme: the communes directly under the province on the "
                                     + "programme's start when it has them then (e.g. 2026–2030), its districts otherwise")
                             @Size(max = 200, message = "{targets.districts.size}") List<@NotNull(message = "{field.required}") @Valid DistrictFigures> areas) {

    /** Targets of one area; a missing figure has no target. */
    public record Figures(Long clubs, Long olderMembers, Long contributionsVnd) {
    }

    public record DistrictFigures(@NotNull(message = "{field.required}") String code, Long clubs, Long olderMembers, Long contributionsVnd) {
    }
}
