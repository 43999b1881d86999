package vn.ishc.registry.club;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * Where a club sits from {@code from} (inclusive) until {@code until} (exclusive; null: still):
 * the commune its own commune had become by then, that commune's district (null from the 2025
 * reform) and province. A null commune means the club awaits the choice of a successor.
 */
@Embeddable
@Schema(name = "ClubPlacement", description = "Nơi câu lạc bộ thuộc về trong một khoảng thời gian. Where the club sits over a period (decision 0013).")
public record ClubPlacement(
        @Column(name = "valid_from", nullable = false) LocalDate from,
        @Schema(nullable = true, description = "Exclusive; null while it still holds") @Column(name = "valid_to") LocalDate until,
        @Schema(nullable = true, description = "Null while the club awaits the choice of a successor commune") @Column(name = "commune_code") String communeCode,
        @Schema(nullable = true, description = "Null where communes stand directly under the province (from 2025-07-01)") @Column(name = "district_code") String districtCode,
        @Column(name = "province_code", nullable = false) String provinceCode) {

    boolean holdsOn(LocalDate day) {
        return !day.isBefore(from) && (until == null || day.isBefore(until));
    }

    boolean sameAreaAs(ClubPlacement other) {
        return java.util.Objects.equals(communeCode, other.communeCode) && java.util.Objects.equals(districtCode, other.districtCode)
                && provinceCode.equals(other.provinceCode);
    }
}
