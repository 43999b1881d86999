package vn.ishc.funding.donor;

import jakarta.persistence.Column;
import vn.ishc.kit.history.Audited;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A donor (nhà tài trợ) of social contributions to the programme. */
@Entity
@Table(name = "donor")
public class Donor extends Audited {

    /** How its changes are named in the change log. */
    public static final String HISTORY_ENTITY = "DONOR";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "search_name", nullable = false)
    public String searchName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DonorType type;

    public String phone;

    public String email;

    /** The district whose officer registered the donor; null when the province did. */
    @Column(name = "district_code")
    public String districtCode;
}
