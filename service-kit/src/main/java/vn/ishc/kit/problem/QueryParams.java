package vn.ishc.kit.problem;

import vn.ishc.kit.text.CleanText;
import vn.ishc.kit.time.SaneDates;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses query parameters so that a bad value is a 400 naming the parameter (the JAX-RS default
 * would answer 404). Control characters never reach a query (see {@code QueryTextFilter}).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SaneDates.parse(value.strip()).orElseThrow(() -> ProblemException.invalid(name, "query.date.invalid"));
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalid(name, "problem.json.enum", allowed);
        }
    }

    /** true or false; null when absent. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "query.boolean.invalid");
        };
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "query.uuid.invalid");
        }
    }

    /** A text filter, cleaned like stored text; null when empty. */
    public static String text(String name, String value) {
        try {
            return CleanText.optional(value);
        } catch (CleanText.RejectedText e) {
            throw ProblemException.invalid(name, "query.text.invalid");
        }
    }

    /** An area code filter of the given form (a district's 3 digits, a commune's 5); null when empty. */
    /** A parsed filter (an enum, a uuid) as text for a query, or null. */
    public static String asText(Object parsed) {
        return parsed == null ? null : parsed instanceof Enum<?> e ? e.name() : parsed.toString();
    }

    public static String code(String name, String value, java.util.regex.Pattern form) {
        String code = text(name, value);
        if (code != null && !form.matcher(code).matches()) {
            throw ProblemException.invalid(name, "query.code.invalid");
        }
        return code;
    }
}
