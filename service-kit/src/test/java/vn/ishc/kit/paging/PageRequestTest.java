package vn.ishc.kit.paging;

import org.junit.jupiter.api.Test;
import vn.ishc.kit.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void defaultsAndLimits() {
        assertEquals(new PageRequest(0, 50), PageRequest.of(null, null));
        assertEquals(new PageRequest(3, 500), PageRequest.of("3", "500"));
    }

    @Test
    void aPageBeyondAnyListIsAFieldErrorNotAnOverflow() {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of("4294968", "500"));
        assertEquals("page", e.fieldErrors().get(0).field());
        assertThrows(ProblemException.class, () -> PageRequest.of("2147483647", "1"));
        assertEquals(199_999 * 500, PageRequest.of("199999", "500").offset());
    }

    @Test
    void malformedValuesNameTheirParameter() {
        assertEquals("size", assertThrows(ProblemException.class, () -> PageRequest.of("0", "501")).fieldErrors().get(0).field());
        assertEquals("page", assertThrows(ProblemException.class, () -> PageRequest.of("-1", "5")).fieldErrors().get(0).field());
        assertEquals("page", assertThrows(ProblemException.class, () -> PageRequest.of("1.5", "5")).fieldErrors().get(0).field());
    }
}
