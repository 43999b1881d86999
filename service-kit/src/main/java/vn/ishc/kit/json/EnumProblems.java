package vn.ishc.kit.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lets a body with an unknown enum value ({@code "gender": "F"}) be read to its end, so that the
 * caller hears of every invalid field at once, not only of the first one Jackson meets. While a
 * request body is read ({@link EnumProblemsInterceptor}), such a value is noted and read as null;
 * the interceptor then refuses the request with all of them, so the null is never used.
 * Outside a request body (no collection open), Jackson fails as usual.
 */
public final class EnumProblems extends DeserializationProblemHandler {

    /** An enum field and the values it accepts. */
    public record Problem(String field, String allowed) {
    }

    private static final ThreadLocal<List<Problem>> OPEN = new ThreadLocal<>();

    static void open() {
        OPEN.set(new ArrayList<>());
    }

    static List<Problem> close() {
        List<Problem> found = OPEN.get();
        OPEN.remove();
        return found == null ? List.of() : found;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg) {
        List<Problem> found = OPEN.get();
        if (found == null || !targetType.isEnum()) {
            return NOT_HANDLED;
        }
        found.add(new Problem(field(ctxt.getParser().getParsingContext().pathAsPointer()),
                Arrays.stream(targetType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))));
        return null;
    }

    /** "/members/0/gender" as the API names fields: "members[0].gender". */
    static String field(JsonPointer pointer) {
        StringBuilder field = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (at.getMatchingIndex() >= 0) {
                field.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return field.toString();
    }
}
