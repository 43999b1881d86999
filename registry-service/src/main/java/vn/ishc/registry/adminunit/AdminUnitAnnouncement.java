package vn.ishc.registry.adminunit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last announced state of one unit code: its event version and a fingerprint of its periods. */
@Entity
@Table(name = "admin_unit_announcement")
public class AdminUnitAnnouncement {

    @Id
    public String code;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String fingerprint;
}
