package vn.ishc.kit.export;

/** The file formats a list is exported in. */
public enum TableFormat {
    /** UTF-8 with a byte-order mark, so that Excel shows Vietnamese diacritics; comma-separated, CRLF. */
    CSV("text/csv;charset=UTF-8", "csv"),
    /** An Excel workbook of one sheet, written row by row (constant memory). */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
