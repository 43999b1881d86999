package vn.ishc.reporting.config;

/**
 * The province this deployment reports for. Its figures are kept under its GSO code beside the
 * districts', so the code is also the area code of the province level. Keep equal to
 * {@code ishc.province-code}.
 */
public final class Province {

    public static final String CODE = "19";

    private Province() {
    }
}
