package vn.ishc.kit.problem;

import java.util.regex.Pattern;

/**
 * Optimistic concurrency for updates: the caller sends back the ETag it read in {@code If-Match};
 * a changed resource answers 412, a missing header 428, a header that is not a list of ETags 400.
 */
public final class Preconditions {

    /** RFC 9110: {@code *}, or entity tags ({@code "3"}, {@code W/"3"}) separated by commas. */
    private static final Pattern ETAG_LIST = Pattern.compile("\\s*(\\*|(W/)?\"[\\x21\\x23-\\x7E]*\"(\\s*,\\s*(W/)?\"[\\x21\\x23-\\x7E]*\")*)\\s*");

    private Preconditions() {
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "problem.428");
        }
        if (!ETAG_LIST.matcher(ifMatch).matches()) {
            throw ProblemException.invalid("If-Match", "precondition.ifMatch.malformed");
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.equals("*")) {
                return;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + currentVersion + "\"")) {
                return;
            }
        }
        throw new ProblemException(412, "precondition-failed", "problem.412");
    }
}
