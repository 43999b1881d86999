package vn.ishc.kit.json;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Reads a request body with {@link EnumProblems} open; if it held unknown enum values, refuses the
 * request with those and with every other invalid field of the body ({@link InvalidEnumValues}).
 */
@Provider
public class EnumProblemsInterceptor implements ReaderInterceptor {

    @Inject
    Validator validator;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        EnumProblems.open();
        Object body;
        try {
            body = context.proceed();
        } catch (IOException | RuntimeException unreadable) {
            EnumProblems.close();
            throw unreadable;
        }
        List<EnumProblems.Problem> problems = EnumProblems.close();
        if (!problems.isEmpty()) {
            Set<ConstraintViolation<Object>> others = body == null ? Set.of() : validator.validate(body);
            throw new InvalidEnumValues(problems, others);
        }
        return body;
    }
}
