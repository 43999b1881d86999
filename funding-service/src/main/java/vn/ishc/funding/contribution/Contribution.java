package vn.ishc.funding.contribution;

import jakarta.persistence.Column;
import vn.ishc.kit.history.Audited;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A social contribution (đóng góp xã hội), valued in whole VND. Never edited in place: a mistake is
 * corrected by reversing it (it stays visible, REVERSED) and recording the right one.
 */
@Entity
@Table(name = "contribution")
public class Contribution extends Audited {

    /** How its changes are named in the change log. */
    public static final String HISTORY_ENTITY = "CONTRIBUTION";

    @Id
    public UUID id;

    @Column(name = "donor_id", nullable = false)
    public UUID donorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContributionForm form;

    @Column(name = "amount_vnd", nullable = false)
    public long amountVnd;

    @Column(name = "valuation_note")
    public String valuationNote;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "district_code")
    public String districtCode;

    /** The commune directly under the province it was recorded to (from the 2025 reform on); null with a district or for the province. */
    @Column(name = "commune_code")
    public String communeCode;

    @Column(name = "club_id")
    public UUID clubId;

    @Column(name = "pledge_id")
    public UUID pledgeId;

    public String purpose;

    @Column(name = "receipt_no")
    public String receiptNo;

    /** The row key of the import file that recorded it, so that importing the file again matches it (not shown by the API). */
    @Column(name = "row_key")
    public String rowKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContributionStatus status;

    @Column(name = "reversed_on")
    public LocalDate reversedOn;

    @Column(name = "reversal_reason")
    public String reversalReason;
}
