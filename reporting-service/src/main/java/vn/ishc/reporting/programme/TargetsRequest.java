package vn.ishc.reporting.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code PUT /api/v1/programmes/{code}/targets}: all targets of the programme, replacing the old ones. */
@Schema(name = "Targets", example = """
        {"province": {"clubs": 400, "olderMembers": 15000, "contributionsVnd": 2000000000},
         "districts": [{"code": "164", "clubs": 80, "olderMembers": 3000, "contributionsVnd": 400000000},
                       {"code": "165", "clubs": 30, "olderMembers": 1100, "contributionsVnd": 150000000}]}""")
public record TargetsRequest(@NotNull(message = "{field.required}") @Valid Figures province, @Size(max = 200, message = "{targets.districts.size}") List<@NotNull(message = "{field.required}") @Valid DistrictFigures> districts) {

    /** Targets of one area; a missing figure has no target. */
    public record Figures(Long clubs, Long olderMembers, Long contributionsVnd) {
    }

    public record DistrictFigures(@NotNull(message = "{field.required}") String code, Long clubs, Long olderMembers, Long contributionsVnd) {
    }
}
