package vn.ishc.funding.contribution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ishc.funding.area.Area;

import java.time.LocalDate;
import java.util.UUID;

/** A contribution as the API shows it: the donor by id only, never by name. */
@Schema(name = "Contribution")
public record ContributionView(UUID id, UUID donorId, ContributionForm form, long amountVnd, String valuationNote,
                               LocalDate receivedOn,
                               @Schema(nullable = true, description = "Huyện nhận (trước cải cách 2025); null nếu ghi cho xã hoặc cấp tỉnh", example = "164") String districtCode,
                               @Schema(nullable = true, description = "Xã, phường trực thuộc tỉnh nhận (từ cải cách 2025); null nếu ghi cho huyện hoặc cấp tỉnh", example = "05443") String communeCode,
                               UUID clubId, UUID pledgeId, String purpose,
                               String receiptNo, ContributionStatus status, LocalDate reversedOn, long version) {

    public Area area() {
        return new Area(districtCode, communeCode);
    }

    public static ContributionView of(Contribution c) {
        return new ContributionView(c.id, c.donorId, c.form, c.amountVnd, c.valuationNote, c.receivedOn, c.districtCode, c.communeCode, c.clubId,
                c.pledgeId, c.purpose, c.receiptNo, c.status, c.reversedOn, c.version);
    }
}
