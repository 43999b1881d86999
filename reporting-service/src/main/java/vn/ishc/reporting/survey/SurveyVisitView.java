package vn.ishc.reporting.survey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded visit. */
@Schema(name = "SurveyVisit")
public record SurveyVisitView(UUID id, UUID roundId, String districtCode, @Schema(nullable = true) String communeCode, LocalDate visitedOn,
                              String place, List<VisitDetails.Participant> participants, int clubsSeen, int clubsOperating,
                              List<VisitDetails.ProposedClubs> proposedClubs, @Schema(nullable = true) String targetGroups,
                              @Schema(nullable = true) String advantages, @Schema(nullable = true) String difficulties,
                              @Schema(nullable = true) String proposals, Instant recordedAt, String recordedBy) {

    static SurveyVisitView of(SurveyVisit v) {
        return new SurveyVisitView(v.id, v.roundId, v.districtCode, v.communeCode, v.visitedOn, v.place, v.participants, v.clubsSeen,
                v.clubsOperating, v.proposedClubs, v.targetGroups, v.advantages, v.difficulties, v.proposals, v.recordedAt, v.recordedBy);
    }
}
