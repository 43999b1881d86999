package vn.ishc.funding.pledge;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A promise to give (cam kết tài trợ). Contributions that name it fulfil it; its status and the
 * amount still outstanding are derived from them, never stored.
 */
@Entity
@Table(name = "pledge")
public class Pledge extends PanacheEntityBase {

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

    @Column(name = "club_id")
    public UUID clubId;

    public String note;

    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
