package vn.ishc.registry.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import vn.ishc.testkit.stack.LocalStackResource;

/**
 * Declares the stack for every test of the module: started once, shared by all test classes; Kafka in
 * a JVM of its own so that a test can take the broker away and bring it back ({@link KafkaOutage}).
 */
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = LocalStackResource.DATABASE, value = "registry"),
        @ResourceArg(name = LocalStackResource.KAFKA, value = LocalStackResource.SEPARATE)})
public final class TestStack {

    private TestStack() {
    }
}
