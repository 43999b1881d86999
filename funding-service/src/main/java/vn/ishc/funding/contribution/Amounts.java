package vn.ishc.funding.contribution;

import vn.ishc.kit.problem.ProblemException.KeyedFieldError;

import java.math.BigDecimal;
import java.util.List;

/** VND has no minor unit: an amount is a whole number from 1 to 10^13 đồng. */
public final class Amounts {

    public static final long MAX_VND = 10_000_000_000_000L;
    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_VND);

    private Amounts() {
    }

    /** The amount as a long, or null after adding the reason it is not acceptable to {@code errors}. */
    public static Long vnd(String field, BigDecimal amount, List<KeyedFieldError> errors) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() > 0 && amount.stripTrailingZeros().scale() > 0) {
            errors.add(new KeyedFieldError(field, "amount.whole"));
            return null;
        }
        if (amount.compareTo(BigDecimal.ONE) < 0) {
            errors.add(new KeyedFieldError(field, "amount.min"));
            return null;
        }
        if (amount.compareTo(MAX) > 0) {
            errors.add(new KeyedFieldError(field, "amount.max"));
            return null;
        }
        return amount.longValueExact();
    }
}
