package vn.ishc.kit.paging;

import vn.ishc.kit.problem.ProblemException;

/**
 * Validated paging parameters: page from 0, size 1–500 (default 50), and the first item of the
 * page ({@link #offset()}) below 100 million: far beyond any list of this platform, and far from
 * the integer overflow that a page like 2147483647 would otherwise cause in the query.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final long MAX_OFFSET = 100_000_000L;

    public static PageRequest of(String page, String size) {
        int p = parse("page", page, 0);
        int s = parse("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw ProblemException.invalid("page", "paging.page.invalid");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalid("size", "paging.size.invalid", MAX_SIZE);
        }
        if ((long) p * s >= MAX_OFFSET) {
            throw ProblemException.invalid("page", "paging.window.invalid", p, s, MAX_OFFSET / s);
        }
        return new PageRequest(p, s);
    }

    /** The index of the page's first item; always fits an int. */
    public int offset() {
        return page * size;
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, name.equals("page") ? "paging.page.invalid" : "paging.size.invalid", MAX_SIZE);
        }
    }
}
