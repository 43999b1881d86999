package vn.ishc.funding.donor;

import jakarta.persistence.Column;
import vn.ishc.kit.history.Audited;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.ishc.kit.security.Place;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * The communes of the area officer who registered the donor, between commas (",05443,05482,");
     * null when a district officer or the province did. A person who gives is personal data of those communes.
     */
    @Column(name = "commune_codes")
    public String communeCodes;

    /** Who may see a person's name and change the donor: the registering district's or communes' officers, and the province. */
    public Place place() {
        return new Place(districtCode, communes());
    }

    public Set<String> communes() {
        return communeCodes == null ? Set.of() : Arrays.stream(communeCodes.split(",")).filter(c -> !c.isEmpty()).collect(Collectors.toSet());
    }

    /** How a set of communes is stored; null for none. */
    static String joined(Set<String> communes) {
        return communes.isEmpty() ? null : "," + String.join(",", new TreeSet<>(communes)) + ",";
    }
}
