package vn.ishc.reporting.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** The targets of a programme for one area: the province (its code) or one district. */
@Entity
@Table(name = "programme_target")
@IdClass(ProgrammeTarget.Key.class)
public class ProgrammeTarget extends PanacheEntityBase {

    public record Key(String programmeCode, String areaCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "programme_code")
    public String programmeCode;

    @Id
    @Column(name = "area_code")
    public String areaCode;

    public Integer clubs;

    @Column(name = "older_members")
    public Integer olderMembers;

    @Column(name = "contributions_vnd")
    public Long contributionsVnd;
}
