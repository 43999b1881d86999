package vn.ishc.kit.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanTextTest {

    @Test
    void decomposedVietnameseBecomesTheComposedForm() {
        String decomposed = "Tu\u0301c Duye\u0302n";
        assertEquals("Túc Duyên", CleanText.clean(decomposed));
        assertEquals(CleanText.name("Túc Duyên"), CleanText.name(decomposed));
    }

    @Test
    void invisibleCharactersAndOddSpacesDoNotMakeANameDifferent() {
        assertEquals("CLB Tổ 7", CleanText.name("CLB\u00a0Tổ\u200b 7\u200d"));
        assertEquals("CLB Tổ 7", CleanText.name("\ufeff  CLB \u202e Tổ   7 \u2066"));
    }

    @Test
    void controlCharactersAreRefusedNotRemoved() {
        assertThrows(CleanText.RejectedText.class, () -> CleanText.clean("Nguyễn\u0000Lan"));
        assertThrows(CleanText.RejectedText.class, () -> CleanText.clean("\u0007"));
        assertThrows(CleanText.RejectedText.class, () -> CleanText.clean("x\ud800y"));
        assertEquals("dòng 1\ndòng 2", CleanText.clean("dòng 1\ndòng 2"));
    }

    @Test
    void optionalTextWithNothingVisibleIsAbsent() {
        assertNull(CleanText.optional("\u200b \u00a0"));
        assertNull(CleanText.optional(null));
        assertEquals("Tổ 5", CleanText.optional(" Tổ 5 "));
    }

    @Test
    void aNameNeedsLettersAndNoPictographs() {
        assertTrue(CleanText.isReadableName("Nguyễn Thị Lan"));
        assertTrue(CleanText.isReadableName("CLB số 7"));
        assertFalse(CleanText.isReadableName("😀😀😀"));
        assertFalse(CleanText.isReadableName("CLB 😀"));
        assertFalse(CleanText.isReadableName("\u0301\u0301a"));
        assertFalse(CleanText.isReadableName("..."));
    }
}
