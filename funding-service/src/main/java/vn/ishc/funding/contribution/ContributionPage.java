package vn.ishc.funding.contribution;

import java.util.List;

/** A page of contributions, with the total VND of the whole filtered set (not just this page). */
public record ContributionPage(List<ContributionView> items, int page, int size, long totalItems, long totalVnd) {
}
