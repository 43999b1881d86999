package vn.ishc.kit.json;

import jakarta.validation.ConstraintViolation;

import java.util.List;
import java.util.Set;

/** A body with unknown enum values, and whatever else about it is invalid: answered as one 400. */
public class InvalidEnumValues extends RuntimeException {

    private final List<EnumProblems.Problem> enums;
    private final Set<? extends ConstraintViolation<?>> others;

    public InvalidEnumValues(List<EnumProblems.Problem> enums, Set<? extends ConstraintViolation<?>> others) {
        super("unknown enum values: " + enums);
        this.enums = enums;
        this.others = others;
    }

    public List<EnumProblems.Problem> enums() {
        return enums;
    }

    public Set<? extends ConstraintViolation<?>> others() {
        return others;
    }
}
