package vn.ishc.reporting.figures;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The facts of projected records that the counting rules need, whatever they were read from. */
public final class Facts {

    private Facts() {
    }

    public record Club(String district, LocalDate establishedOn, LocalDate closedOn, List<Member> members) {
    }

    public record Member(String gender, LocalDate birthDate, Integer birthYear, String householdStatus, LocalDate joinedOn,
                         LocalDate leftOn) {
    }

    /** area: the district, or the province code for a province-level contribution. */
    public record Contribution(UUID id, String area, long amountVnd, LocalDate receivedOn, LocalDate reversedOn, UUID pledgeId) {
    }

    /** A pledge with the contributions that name it. */
    public record Pledge(String area, long amountVnd, LocalDate pledgedOn, LocalDate cancelledOn, List<Contribution> fulfilments) {
    }
}
