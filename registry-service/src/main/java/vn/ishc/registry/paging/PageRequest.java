package vn.ishc.registry.paging;

import vn.ishc.registry.problem.ProblemException;

/** Validated paging parameters: page from 0, size 1–500 (default 50). */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(String page, String size) {
        int p = parse("page", page, 0);
        int s = parse("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw ProblemException.invalid("page", "paging.page.invalid");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalid("size", "paging.size.invalid", MAX_SIZE);
        }
        return new PageRequest(p, s);
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
