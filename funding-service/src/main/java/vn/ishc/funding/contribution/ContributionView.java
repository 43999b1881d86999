package vn.ishc.funding.contribution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A contribution as the API shows it: the donor by id only, never by name. */
@Schema(name = "Contribution")
public record ContributionView(UUID id, UUID donorId, ContributionForm form, long amountVnd, String valuationNote,
                               LocalDate receivedOn, String districtCode, UUID clubId, UUID pledgeId, String purpose,
                               String receiptNo, ContributionStatus status, LocalDate reversedOn, long version) {

    public static ContributionView of(Contribution c) {
        return new ContributionView(c.id, c.donorId, c.form, c.amountVnd, c.valuationNote, c.receivedOn, c.districtCode, c.clubId,
                c.pledgeId, c.purpose, c.receiptNo, c.status, c.reversedOn, c.version);
    }
}
