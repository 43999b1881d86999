package vn.ishc.kit.imports.table;

/**
 * The uploaded file as a whole cannot be read as a table. Carries a message key (kit-messages) and its
 * arguments for the caller's problem document; rows already delivered must be discarded.
 */
public class TableFileException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final boolean unsupportedFormat;

    private TableFileException(boolean unsupportedFormat, String messageKey, Object[] args, Throwable cause) {
        super(messageKey, cause);
        this.messageKey = messageKey;
        this.args = args;
        this.unsupportedFormat = unsupportedFormat;
    }

    /** A kind of file we do not read at all (not a table, legacy .xls, password-protected): an HTTP 415. */
    public static TableFileException unsupported(String messageKey, Object... args) {
        return new TableFileException(true, messageKey, args, null);
    }

    /** A table whose content breaks a rule (header, limits, encoding, damage): an HTTP 400. */
    public static TableFileException content(String messageKey, Object... args) {
        return new TableFileException(false, messageKey, args, null);
    }

    static TableFileException content(Throwable cause, String messageKey, Object... args) {
        return new TableFileException(false, messageKey, args, cause);
    }

    static TableFileException unsupported(Throwable cause, String messageKey, Object... args) {
        return new TableFileException(true, messageKey, args, cause);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** True when the kind of file is not read at all (415); false when the table's content is at fault (400). */
    public boolean unsupportedFormat() {
        return unsupportedFormat;
    }
}
