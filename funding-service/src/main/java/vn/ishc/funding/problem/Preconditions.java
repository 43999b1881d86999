package vn.ishc.funding.problem;

/**
 * Optimistic concurrency for updates: the caller sends back the ETag it read in {@code If-Match};
 * a changed resource answers 412, a missing header 428.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "problem.428");
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
