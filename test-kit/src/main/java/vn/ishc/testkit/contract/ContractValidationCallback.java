package vn.ishc.testkit.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ContractValidation} in front of every RestAssured call of every {@code @QuarkusTest}
 * of a module that has the test kit on its test classpath. Quarkus finds this callback through
 * {@code META-INF/services} and runs it in the tests' own class loader, where their RestAssured is.
 */
public class ContractValidationCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (RestAssured.class) {
            if (RestAssured.filters().stream().noneMatch(ContractValidation.class::isInstance)) {
                RestAssured.filters(new ContractValidation());
            }
        }
    }
}
