package vn.ishc.testkit.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON values (as raw JSON text, so that numbers like {@code 1e999999999} reach the server as
 * written) that no field of a given kind may accept. Each is invalid by construction: a wrong JSON
 * type, text a database cannot hold, a date outside 1900–2100 or not ISO, text beyond any column.
 */
final class InvalidValues {

    static final String HUGE_TEXT = "\"" + "ă".repeat(20_000) + "\"";

    private InvalidValues() {
    }

    /** A value with a short description of why it is invalid. */
    record Value(String why, String json) {
    }

    static List<Value> forField(String name, FieldKind kind, boolean required, String exampleText) {
        List<Value> values = new ArrayList<>();
        if (required) {
            values.add(new Value("null for a required field", "null"));
        }
        switch (kind) {
            case TEXT -> {
                add(values, "a number for text", "123", "a boolean for text", "true", "an object for text", "{}",
                        "an array for text", "[\"x\"]", "a NUL character", "\"Nguyễn\\u0000Lan\"",
                        "a bell control character", "\"\\u0007chuông\"", "a lone surrogate", "\"x\\ud800y\"",
                        "20,000 characters", HUGE_TEXT);
                if (required) {
                    add(values, "only zero-width characters", "\"\\u200b\\u200c\\u200d\\ufeff\"", "only spaces", "\"   \"",
                            "only bidi controls", "\"\\u202e\\u202d\\u2066\\u2069\"");
                }
                if (name.toLowerCase().endsWith("name")) {
                    add(values, "only emoji", "\"\\ud83d\\ude00\\ud83d\\ude00\\ud83d\\ude00\"",
                            "only combining marks", "\"\\u0301\\u0301\\u0301\\u0323\"");
                }
            }
            case DATE -> add(values, "a date as a number", "20190101", "a date as an array", "[2019,5,20]",
                    "a year PostgreSQL cannot store", "\"-5000-01-01\"", "a five-digit year", "\"+99999-01-01\"",
                    "a date without dashes", "\"20190101\"", "30 February", "\"2019-02-30\"", "month 13", "\"2019-13-01\"",
                    "before 1900", "\"1899-12-31\"", "after 2100", "\"2101-01-01\"", "an unpadded date", "\"2019-5-20\"",
                    "a boolean for a date", "true", "a date with a time", "\"2019-05-20T10:00:00Z\"");
            case UUID -> add(values, "not a UUID", "\"not-a-uuid\"", "a number for an id", "12",
                    "an object for an id", "{}", "a NUL in an id", "\"a\\u0000b\"", "an id that is no record",
                    "\"5b7f0c1e-0000-4000-8000-000000000000\"");
            case ENUM -> add(values, "an unknown value", "\"NOT_A_VALUE\"", "the value in lower case",
                    "\"" + (exampleText == null ? "active" : exampleText.toLowerCase()) + "\"",
                    "an ordinal for an enum", "0", "a boolean for an enum", "true", "an empty enum", "\"\"");
            case INTEGER -> add(values, "a number in a string", "\"12\"", "a fraction", "1.5", "an astronomic exponent",
                    "1e999999999", "a vanishing exponent", "1e-999999999", "23 digits", "99999999999999999999999",
                    "a boolean for a number", "true", "an array for a number", "[1]", "an object for a number", "{}");
            case NUMBER -> add(values, "a number in a string", "\"12\"", "a fraction of a đồng", "1.5", "an astronomic exponent",
                    "1e999999999", "a vanishing exponent", "1e-999999999", "zero", "0", "a negative amount", "-5",
                    "a boolean for a number", "true", "an array for a number", "[1]");
            case BOOLEAN -> add(values, "1 for true", "1", "0 for false", "0", "a boolean in a string", "\"true\"",
                    "yes for true", "\"yes\"", "an object for a boolean", "{}", "an array for a boolean", "[true]");
            case ARRAY -> add(values, "text for a list", "\"x\"", "a number for a list", "5", "an object for a list", "{}",
                    "a null item", "[null]", "a text item", "[\"x\"]", "nested lists", "[[[]]]");
            case OBJECT -> add(values, "text for an object", "\"x\"", "a number for an object", "5", "a list for an object", "[]",
                    "a boolean for an object", "true");
            default -> throw new IllegalArgumentException("no body field is of kind " + kind);
        }
        return values;
    }

    /** Invalid query parameter values, already URL-encoded. */
    static List<Value> forQuery(FieldKind kind) {
        List<Value> values = new ArrayList<>();
        add(values, "a NUL character", "a%00b", "a bell control character", "%07");
        switch (kind) {
            case PAGE -> add(values, "a negative page", "-1", "the largest int", "2147483647", "beyond any list at size 500",
                    "4294968&size=500", "not a number", "abc", "a fraction", "1.5", "beyond int", "99999999999");
            case SIZE -> add(values, "size 0", "0", "size 501", "501", "a negative size", "-1", "not a number", "abc",
                    "beyond int", "2147483648");
            case DATE -> add(values, "a year PostgreSQL cannot store", "-5000-01-01", "30 February", "2019-02-30",
                    "a date without dashes", "20190101", "a five-digit year", "%2B99999-01-01", "before 1900", "1899-12-31");
            case ENUM -> add(values, "an unknown value", "NOT_A_VALUE");
            case UUID -> add(values, "not a UUID", "not-a-uuid");
            default -> {
            }
        }
        return values;
    }

    private static void add(List<Value> values, String... whyAndJson) {
        for (int i = 0; i < whyAndJson.length; i += 2) {
            values.add(new Value(whyAndJson[i], whyAndJson[i + 1]));
        }
    }
}
