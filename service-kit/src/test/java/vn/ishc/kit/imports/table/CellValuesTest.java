package vn.ishc.kit.imports.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forms district officers type, and the ones refused rather than guessed. */
class CellValuesTest {

    private static final LocalDate MARCH_15 = LocalDate.of(2018, 3, 15);

    @ParameterizedTest
    @ValueSource(strings = {"15/03/2018", "15/3/2018", " 15-03-2018 ", "15.03.2018", "2018-03-15", "2018-3-15"})
    void datesAreReadDayFirstOrIso(String typed) {
        assertEquals(MARCH_15, CellValues.date(Cell.ofText(typed)));
    }

    @Test
    void datesStoredByExcelAreSerialNumbersWhetherShownAsDatesOrNot() {
        assertEquals(MARCH_15, CellValues.date(Cell.ofNumber("43174", 43174, true)));
        assertEquals(MARCH_15, CellValues.date(Cell.ofNumber("43174.75", 43174.75, true)), "the time of day is dropped");
        assertEquals(MARCH_15, CellValues.date(Cell.ofNumber("43174", 43174, false)));
        assertEquals(LocalDate.of(1900, 2, 28), CellValues.date(Cell.ofNumber("59", 59, true)));
        assertEquals(LocalDate.of(1900, 3, 1), CellValues.date(Cell.ofNumber("61", 61, true)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "31/02/2020 | imports.value.date.impossible",
        "29/02/2019 | imports.value.date.impossible",
        "15/13/2018 | imports.value.date.impossible",
        "15/03/18   | imports.value.date.invalid",
        "15/03-2018 | imports.value.date.invalid",
        "03/15/2018 x | imports.value.date.invalid",
        "ngày 15    | imports.value.date.invalid",
        "43174      | imports.value.date.invalid",
        "01/01/1899 | imports.value.date.outOfRange",
        "2101-01-01 | imports.value.date.outOfRange",
    })
    void datesThatCannotBeReadAreProblemsNamingWhy(String typed, String key) {
        assertProblem(key, () -> CellValues.date(Cell.ofText(typed)));
    }

    @Test
    void serialNumbersOutsideTheCalendarAreProblems() {
        assertProblem("imports.value.date.impossible", () -> CellValues.date(Cell.ofNumber("60", 60, true)));
        assertProblem("imports.value.date.outOfRange", () -> CellValues.date(Cell.ofNumber("0", 0, true)));
        assertProblem("imports.value.date.outOfRange", () -> CellValues.date(Cell.ofNumber("-3", -3, false)));
        assertProblem("imports.value.date.outOfRange", () -> CellValues.date(Cell.ofNumber("3000000", 3_000_000, true)));
        assertProblem("imports.value.date.outOfRange", () -> CellValues.date(Cell.ofNumber("80000", 80_000, true)));
    }

    @Test
    void aYearAloneIsAYearAndAnythingElseADate() {
        assertEquals(DateOrYear.ofYear(1955), CellValues.dateOrYear(Cell.ofText(" 1955 ")));
        assertEquals(DateOrYear.ofYear(1955), CellValues.dateOrYear(Cell.ofNumber("1955", 1955, false)));
        assertEquals(DateOrYear.ofDate(LocalDate.of(1899, 12, 30).plusDays(1955)),
                CellValues.dateOrYear(Cell.ofNumber("1955", 1955, true)), "shown as a date, 1955 is a serial number");
        assertEquals(DateOrYear.ofDate(MARCH_15), CellValues.dateOrYear(Cell.ofText("15/03/2018")));
        assertEquals(DateOrYear.ofDate(MARCH_15), CellValues.dateOrYear(Cell.ofNumber("43174", 43174, false)));
        assertNull(CellValues.dateOrYear(Cell.ofText(" ")));
    }

    @Test
    void yearsOutsideTheRangeAndOtherTextAreProblems() {
        assertProblem("imports.value.date.outOfRange", () -> CellValues.dateOrYear(Cell.ofText("1899")));
        assertProblem("imports.value.date.outOfRange", () -> CellValues.dateOrYear(Cell.ofNumber("1800", 1800, false)));
        assertProblem("imports.value.date.outOfRange", () -> CellValues.dateOrYear(Cell.ofNumber("55", 55, false)));
        assertProblem("imports.value.dateOrYear.invalid", () -> CellValues.dateOrYear(Cell.ofText("khoảng 1955")));
        assertProblem("imports.value.date.impossible", () -> CellValues.dateOrYear(Cell.ofText("30/02/1955")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"15.000.000", "15,000,000", "15 000 000", "15\u00a0000\u00a0000", "15000000", "15.000.000đ",
        "15.000.000 đ", "15.000.000 VNĐ", "15000000 VND", "15.000.000 đồng", "15.000.000 Đồng", " 15 000 000 vnđ "})
    void amountsAreWholeDongInEveryUsualWriting(String typed) {
        assertEquals(15_000_000L, CellValues.amount(Cell.ofText(typed)));
    }

    @Test
    void numericAmountsMustBeWholeAndNotNegative() {
        assertEquals(15_000_000L, CellValues.amount(Cell.ofNumber("15000000", 15_000_000, false)));
        assertEquals(0L, CellValues.amount(Cell.ofNumber("0", 0, false)));
        assertProblem("imports.value.amount.decimal", () -> CellValues.amount(Cell.ofNumber("15.5", 15.5, false)));
        assertProblem("imports.value.amount.negative", () -> CellValues.amount(Cell.ofNumber("-5", -5, false)));
        assertProblem("imports.value.amount.invalid", () -> CellValues.amount(Cell.ofNumber("43174", 43174, true)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "15.5             | imports.value.amount.invalid",
        "1.5              | imports.value.amount.invalid",
        "1,5              | imports.value.amount.invalid",
        "15.000,00        | imports.value.amount.invalid",
        "15.000,000       | imports.value.amount.invalid",
        "1.50.000         | imports.value.amount.invalid",
        "15.0000          | imports.value.amount.invalid",
        "mười lăm triệu   | imports.value.amount.invalid",
        "1234567890123456 | imports.value.amount.invalid",
        "-15.000          | imports.value.amount.negative",
        "- 15000 đ        | imports.value.amount.negative",
    })
    void amountsThatCannotBeReadExactlyAreProblems(String typed, String key) {
        assertProblem(key, () -> CellValues.amount(Cell.ofText(typed)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Có", "có", "CÓ", "Co", "yes", "YES", "X", "x", "1", "TRUE", "true"})
    void yesIsWrittenManyWays(String typed) {
        assertTrue(CellValues.yesNo(Cell.ofText(typed)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Không", "không", "KHONG", "khong", "No", "0", "FALSE", "false"})
    void noIsWrittenManyWays(String typed) {
        assertFalse(CellValues.yesNo(Cell.ofText(typed)));
    }

    @Test
    void yesNoReadsNumbersAndRefusesTheRest() {
        assertTrue(CellValues.yesNo(Cell.ofNumber("1", 1, false)));
        assertNull(CellValues.yesNo(Cell.BLANK));
        assertProblem("imports.value.yesNo.invalid", () -> CellValues.yesNo(Cell.ofText("Có thể")));
        assertProblem("imports.value.yesNo.invalid", () -> CellValues.yesNo(Cell.ofNumber("2", 2, false)));
    }

    @Test
    void integersAreDigitsOrWholeNumbers() {
        assertEquals(12, CellValues.integer(Cell.ofText(" 12 ")));
        assertEquals(-3, CellValues.integer(Cell.ofText("-3")));
        assertEquals(2018, CellValues.integer(Cell.ofNumber("2018", 2018, false)));
        assertProblem("imports.value.integer.invalid", () -> CellValues.integer(Cell.ofText("12.5")));
        assertProblem("imports.value.integer.invalid", () -> CellValues.integer(Cell.ofText("1.000")));
        assertProblem("imports.value.integer.invalid", () -> CellValues.integer(Cell.ofText("99999999999")));
        assertProblem("imports.value.integer.invalid", () -> CellValues.integer(Cell.ofNumber("12.5", 12.5, false)));
        assertProblem("imports.value.integer.invalid", () -> CellValues.integer(Cell.ofNumber("43174", 43174, true)));
    }

    @Test
    void textIsCleanedAndBlankIsNull() {
        assertEquals("Nguyễn Thị Lan", CellValues.text(Cell.ofText("  Nguye\u0302\u0303n Thi\u0323 La\u200bn\u00a0")));
        assertEquals("Tổ 7\nTúc Duyên", CellValues.text(Cell.ofText("Tổ 7\nTúc Duyên")));
        assertEquals("15/03/2018", CellValues.text(Cell.ofNumber("43174", 43174, true)));
        assertEquals("1955", CellValues.text(Cell.ofNumber("1955", 1955, false)));
        assertNull(CellValues.text(Cell.ofText(" \u200b ")));
        assertProblem("imports.value.text.control", () -> CellValues.text(Cell.ofText("Lan\u0000")));
    }

    @Test
    void everyFormRefusesACellExcelCouldNotCompute() {
        Cell error = Cell.ofError("imports.cell.excelError", "#N/A");
        List<Executable> reads = List.of(() -> CellValues.date(error), () -> CellValues.dateOrYear(error),
                () -> CellValues.amount(error), () -> CellValues.yesNo(error), () -> CellValues.integer(error),
                () -> CellValues.text(error));
        for (Executable read : reads) {
            CellProblem problem = assertProblem("imports.cell.excelError", read);
            assertEquals(List.of("#N/A"), List.of(problem.args()));
        }
    }

    @Test
    void everyFormReadsABlankCellAsNull() {
        Cell blank = Cell.ofText(" \u00a0");
        assertNull(CellValues.date(blank));
        assertNull(CellValues.amount(blank));
        assertNull(CellValues.integer(blank));
        assertNull(CellValues.text(blank));
    }

    static CellProblem assertProblem(String key, Executable read) {
        CellProblem problem = assertThrows(CellProblem.class, read);
        assertEquals(key, problem.messageKey());
        TestFiles.assertTranslated(key, problem.args());
        return problem;
    }
}
