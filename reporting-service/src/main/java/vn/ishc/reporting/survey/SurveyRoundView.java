package vn.ishc.reporting.survey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A survey round with every district's visits side by side. */
@Schema(name = "SurveyRound")
public record SurveyRoundView(UUID id, String programmeCode, String title, @Schema(nullable = true) String purpose, LocalDate startsOn,
                              LocalDate endsOn, List<District> districts, Instant createdAt, String createdBy) {

    /** A district to visit: its visits (none yet, one, or one per commune) and the clubs it proposes per year, summed. */
    public record District(String code, @Schema(nullable = true) String name, boolean visited, List<SurveyVisitView> visits,
                           @Schema(description = "The district-level visit's proposed new clubs per year") List<VisitDetails.ProposedClubs> proposedClubs) {
    }
}
