package vn.ishc.kit.imports.table;

/**
 * A cell whose value cannot be read in the expected form. Carries a message key (kit-messages) and its
 * arguments; the caller adds the row and column.
 */
public class CellProblem extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public CellProblem(String messageKey, Object... args) {
        // No stack trace: a bad file can produce one of these per cell, and they are answers, not bugs.
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
