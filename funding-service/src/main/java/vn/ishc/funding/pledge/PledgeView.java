package vn.ishc.funding.pledge;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A pledge with what its contributions did to it, today: fulfilled so far, still outstanding and,
 * when donors give more than promised, the excess.
 */
@Schema(name = "Pledge")
public record PledgeView(UUID id, UUID donorId, long amountVnd, LocalDate pledgedOn, LocalDate dueOn,
                         @Schema(nullable = true, description = "Huyện (trước cải cách 2025); null nếu ghi cho xã hoặc cấp tỉnh", example = "164") String districtCode,
                         @Schema(nullable = true, description = "Xã, phường trực thuộc tỉnh (từ cải cách 2025); null nếu ghi cho huyện hoặc cấp tỉnh", example = "05443") String communeCode,
                         UUID clubId,
                         String note, PledgeStatus status, LocalDate cancelledOn, long fulfilledVnd, long outstandingVnd,
                         long overFulfilledVnd, long version) {

    public static PledgeView of(Pledge p, long fulfilledVnd) {
        PledgeStatus status = p.cancelledOn != null ? PledgeStatus.CANCELLED
                : fulfilledVnd >= p.amountVnd ? PledgeStatus.FULFILLED : PledgeStatus.OPEN;
        long outstanding = status == PledgeStatus.CANCELLED ? 0 : Math.max(0, p.amountVnd - fulfilledVnd);
        return new PledgeView(p.id, p.donorId, p.amountVnd, p.pledgedOn, p.dueOn, p.districtCode, p.communeCode, p.clubId, p.note, status,
                p.cancelledOn, fulfilledVnd, outstanding, Math.max(0, fulfilledVnd - p.amountVnd), p.version);
    }
}
