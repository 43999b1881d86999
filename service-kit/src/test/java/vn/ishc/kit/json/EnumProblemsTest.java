package vn.ishc.kit.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Unknown enum values are noted with their field while a request body is read, and fail as usual otherwise. */
class EnumProblemsTest {

    enum Gender { FEMALE, MALE }

    record Member(String name, Gender gender, List<Gender> others) {
    }

    private final ObjectMapper mapper = new ObjectMapper().addHandler(new EnumProblems());

    @Test
    void whileABodyIsReadEveryUnknownValueIsNotedWithItsField() throws Exception {
        EnumProblems.open();
        Member read;
        List<EnumProblems.Problem> problems;
        try {
            read = mapper.readValue("{\"name\": \"Lan\", \"gender\": \"F\", \"others\": [\"MALE\", \"X\"]}", Member.class);
        } finally {
            problems = EnumProblems.close();
        }
        assertNull(read.gender());
        assertEquals(List.of(new EnumProblems.Problem("gender", "FEMALE, MALE"), new EnumProblems.Problem("others[1]", "FEMALE, MALE")), problems);
    }

    @Test
    void outsideABodyJacksonFailsAsUsual() {
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"gender\": \"F\"}", Member.class));
    }

    @Test
    void pointersReadAsTheApiNamesFields() {
        assertEquals("years[0].gender", EnumProblems.field(JsonPointer.compile("/years/0/gender")));
        assertEquals("gender", EnumProblems.field(JsonPointer.compile("/gender")));
    }
}
