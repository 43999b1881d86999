package vn.ishc.reporting.figures;

/**
 * Fired in a transaction that changes what progress shows (an event applied, a programme or its
 * targets changed); progress announces the new figures to live listeners once it has committed.
 */
public record FiguresChanged(String source) {

    /** The source of changes made through reporting's own API (programmes, targets). */
    public static final String PROGRAMME = "programme";
}
