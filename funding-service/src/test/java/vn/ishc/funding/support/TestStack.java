package vn.ishc.funding.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import vn.ishc.testkit.stack.LocalStackResource;

/**
 * Declares the stack for every test of the module: started once, shared by all test classes.
 */
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = LocalStackResource.DATABASE, value = "funding")})
public final class TestStack {

    private TestStack() {
    }
}
