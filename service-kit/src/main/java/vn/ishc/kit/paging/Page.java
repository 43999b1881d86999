package vn.ishc.kit.paging;

import java.util.List;

/** One page of a list: {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {
}
