package vn.ishc.kit.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchTextTest {

    @Test
    void foldsDiacriticsCaseAndSpaces() {
        assertEquals("tuc duyen", SearchText.fold("  Túc   Duyên "));
        assertEquals("dong hy", SearchText.fold("ĐỒNG HỶ"));
        // The same name typed decomposed (NFD) folds the same way.
        assertEquals(SearchText.fold("Phú Lương"), SearchText.fold(java.text.Normalizer.normalize("Phú Lương", java.text.Normalizer.Form.NFD)));
    }

    @Test
    void aSearchForLikeWildcardsFindsThemLiterally() {
        assertEquals("%50\\% to\\_5\\\\%", SearchText.containsPattern("50% TO_5\\"));
    }
}
