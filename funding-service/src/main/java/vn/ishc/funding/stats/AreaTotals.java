package vn.ishc.funding.stats;

/** funding's own totals for one area on a date: received VND by form, and pledged VND still outstanding. */
public record AreaTotals(String code, long receivedVnd, long cashVnd, long inKindVnd, long labourVnd, long pledgedOutstandingVnd) {

    static AreaTotals empty(String code) {
        return new AreaTotals(code, 0, 0, 0, 0, 0);
    }

    AreaTotals plus(AreaTotals o) {
        return new AreaTotals(code, receivedVnd + o.receivedVnd, cashVnd + o.cashVnd, inKindVnd + o.inKindVnd, labourVnd + o.labourVnd,
                pledgedOutstandingVnd + o.pledgedOutstandingVnd);
    }

    AreaTotals received(String form, long vnd) {
        return new AreaTotals(code, receivedVnd + vnd, cashVnd + ("CASH".equals(form) ? vnd : 0), inKindVnd + ("IN_KIND".equals(form) ? vnd : 0),
                labourVnd + ("LABOUR".equals(form) ? vnd : 0), pledgedOutstandingVnd);
    }

    AreaTotals outstanding(long vnd) {
        return new AreaTotals(code, receivedVnd, cashVnd, inKindVnd, labourVnd, pledgedOutstandingVnd + vnd);
    }
}
