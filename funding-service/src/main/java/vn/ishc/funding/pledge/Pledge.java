package vn.ishc.funding.pledge;

import jakarta.persistence.Column;
import vn.ishc.kit.history.Audited;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A promise to give (cam kết tài trợ). Contributions that name it fulfil it; its status and the
 * amount still outstanding are derived from them, never stored.
 */
@Entity
@Table(name = "pledge")
public class Pledge extends Audited {

    /** How its changes are named in the change log. */
    public static final String HISTORY_ENTITY = "PLEDGE";

    @Id
    public UUID id;

    @Column(name = "donor_id", nullable = false)
    public UUID donorId;

    @Column(name = "amount_vnd", nullable = false)
    public long amountVnd;

    @Column(name = "pledged_on", nullable = false)
    public LocalDate pledgedOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "district_code")
    public String districtCode;

    /** The commune directly under the province it was recorded to (from the 2025 reform on); null with a district or for the province. */
    @Column(name = "commune_code")
    public String communeCode;

    @Column(name = "club_id")
    public UUID clubId;

    public String note;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    @Column(name = "cancel_reason")
    public String cancelReason;
}
