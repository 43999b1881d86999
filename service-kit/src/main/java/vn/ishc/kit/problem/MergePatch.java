package vn.ishc.kit.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.time.SaneDates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads a JSON merge patch (RFC 7396): a member present with a value sets it, present with null
 * clears it, absent leaves it. Type errors and fields that cannot be changed are collected as
 * field errors, so one bad patch lists all its problems. Text is cleaned and dates bounded as in
 * request bodies ({@code StrictJson}).
 */
public final class MergePatch {

    private final ObjectNode body;
    private final List<ProblemException.KeyedFieldError> errors = new ArrayList<>();

    public MergePatch(JsonNode body, Set<String> patchable) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "patch.notObject");
        }
        this.body = (ObjectNode) body;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!patchable.contains(name)) {
                errors.add(new ProblemException.KeyedFieldError(name, "patch.notPatchable", String.join(", ", patchable)));
            }
        }
    }

    public boolean has(String field) {
        return body.has(field);
    }

    public void text(String field, Consumer<String> set) {
        if (!body.has(field)) {
            return;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            set.accept(null);
        } else if (value.isTextual()) {
            try {
                set.accept(CleanText.clean(value.asText()));
            } catch (CleanText.RejectedText e) {
                errors.add(new ProblemException.KeyedFieldError(field, "problem.json.controlCharacter"));
            }
        } else {
            wrongType(field);
        }
    }

    public void date(String field, Consumer<LocalDate> set) {
        text(field, value -> {
            if (value == null) {
                set.accept(null);
                return;
            }
            SaneDates.parse(value).ifPresentOrElse(set,
                    () -> errors.add(new ProblemException.KeyedFieldError(field, "problem.json.date")));
        });
    }

    public void integer(String field, Consumer<Integer> set) {
        if (!body.has(field)) {
            return;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            set.accept(null);
        } else if (value.isIntegralNumber() && value.canConvertToInt()) {
            set.accept(value.intValue());
        } else {
            wrongType(field);
        }
    }

    public void bool(String field, Consumer<Boolean> set) {
        if (!body.has(field)) {
            return;
        }
        JsonNode value = body.get(field);
        if (value.isNull()) {
            set.accept(null);
        } else if (value.isBoolean()) {
            set.accept(value.booleanValue());
        } else {
            wrongType(field);
        }
    }

    public <E extends Enum<E>> void enumValue(String field, Class<E> type, Consumer<E> set) {
        text(field, value -> {
            if (value == null) {
                set.accept(null);
                return;
            }
            try {
                set.accept(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                errors.add(new ProblemException.KeyedFieldError(field, "problem.json.enum",
                        Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
            }
        });
    }

    /** Errors found while reading; the caller adds its rule checks and throws once. */
    public List<ProblemException.KeyedFieldError> errors() {
        return errors;
    }

    private void wrongType(String field) {
        errors.add(new ProblemException.KeyedFieldError(field, "problem.json.wrongType"));
    }
}
