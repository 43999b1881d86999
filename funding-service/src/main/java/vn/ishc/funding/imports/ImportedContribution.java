package vn.ishc.funding.imports;

import vn.ishc.funding.contribution.ContributionForm;
import vn.ishc.funding.donor.DonorType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A checked row as it waits for the commit: the donor it names and the contribution, with the
 * district as the file gave it (an officer's blank district is theirs), the book it counts in (a
 * district's, a club's commune's, or null: the province's) and the district its new donor belongs to.
 */
record ImportedContribution(String donorName, DonorType donorType, String donorPhone, String donorEmail, ContributionForm form,
                            Long amountVnd, String valuationNote, LocalDate receivedOn, String districtCode, UUID clubId,
                            String purpose, String receiptNo, String rowKey, String book, String donorDistrict, String communeCode) {
}
