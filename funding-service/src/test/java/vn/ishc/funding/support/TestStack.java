package vn.ishc.funding.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Declares the stack for every test of the module: started once, shared by all test classes. */
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.GLOBAL)
public final class TestStack {

    private TestStack() {
    }
}
