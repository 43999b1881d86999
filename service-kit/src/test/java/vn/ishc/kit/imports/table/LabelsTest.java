package vn.ishc.kit.imports.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Labels a service defines for its own words, found whatever the case, diacritics or spacing. */
class LabelsTest {

    private enum Status { POOR, NEAR_POOR, NONE }

    private static final Labels<Status> STATUSES = Labels.<Status>builder()
            .add(Status.POOR, "Nghèo", "Hộ nghèo", "POOR")
            .add(Status.NEAR_POOR, "Cận nghèo", "Hộ cận nghèo", "NEAR_POOR")
            .add(Status.NONE, "Không", "NONE")
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"Cận nghèo", "can ngheo", "CẬN NGHÈO", "canngheo", " Hộ  cận nghèo ", "near_poor", "Near Poor", "Ca\u0323\u0302n ngheo"})
    void aLabelIsFoundWithoutCaseDiacriticsOrSpaces(String typed) {
        assertEquals(Status.NEAR_POOR, STATUSES.find(Cell.ofText(typed)));
    }

    @Test
    void anUnknownLabelIsAProblemListingTheAcceptedOnes() {
        CellProblem problem = CellValuesTest.assertProblem("imports.value.label.unknown", () -> STATUSES.find(Cell.ofText(" Khá giả ")));

        assertEquals(List.of("Khá giả", "Nghèo, Cận nghèo, Không"), List.of(problem.args()));
    }

    @Test
    void aBlankCellIsNull() {
        assertNull(STATUSES.find(Cell.ofText("  ")));
    }

    @Test
    void oneLabelCannotNameTwoValues() {
        Labels.Builder<Status> builder = Labels.<Status>builder().add(Status.POOR, "Nghèo");

        assertThrows(IllegalArgumentException.class, () -> builder.add(Status.NEAR_POOR, "NGHEO"));
    }
}
