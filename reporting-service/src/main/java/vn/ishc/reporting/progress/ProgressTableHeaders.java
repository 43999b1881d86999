package vn.ishc.reporting.progress;

/** Where a column is in the progress table, for readers of the file (and its tests). */
public final class ProgressTableHeaders {

    private ProgressTableHeaders() {
    }

    public static int index(String header) {
        int at = ProgressTable.FIGURE_HEADERS.indexOf(header);
        if (at < 0) {
            throw new IllegalArgumentException("no column " + header);
        }
        return at;
    }
}
