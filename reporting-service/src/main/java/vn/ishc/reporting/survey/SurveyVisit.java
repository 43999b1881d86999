package vn.ishc.reporting.survey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the province saw and heard at one district (or commune) in a survey round. */
@Entity
@Table(name = "survey_visit")
public class SurveyVisit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "round_id", nullable = false)
    public UUID roundId;

    @Column(name = "district_code", nullable = false)
    public String districtCode;

    @Column(name = "commune_code")
    public String communeCode;

    @Column(name = "visited_on")
    public LocalDate visitedOn;

    public String place;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<VisitDetails.Participant> participants = new ArrayList<>();

    @Column(name = "clubs_seen")
    public int clubsSeen;

    @Column(name = "clubs_operating")
    public int clubsOperating;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "proposed_clubs")
    public List<VisitDetails.ProposedClubs> proposedClubs = new ArrayList<>();

    @Column(name = "target_groups")
    public String targetGroups;

    public String advantages;
    public String difficulties;
    public String proposals;

    public long version;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
