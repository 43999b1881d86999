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

    /** The format a file name ends with ({@code xlsx} or {@code csv}); 404 for any other. */
    public static TableFormat of(String extension) {
        for (TableFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        throw vn.ishc.kit.problem.ProblemException.notFound("export.format.unknown", extension);
    }

    /** The same, named {@code name-district-day.extension} ("hoi-vien-164-2026-11-30.xlsx"); no district part when null. */
    public jakarta.ws.rs.core.Response attachment(jakarta.ws.rs.core.StreamingOutput body, String name, String district, java.time.LocalDate day) {
        return attachment(body, name + (district == null ? "" : "-" + district) + "-" + day);
    }

    /** A 200 answer that streams the file as an attachment named {@code name.extension}. */
    public jakarta.ws.rs.core.Response attachment(jakarta.ws.rs.core.StreamingOutput body, String name) {
        return jakarta.ws.rs.core.Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + extension + "\"").build();
    }
}
