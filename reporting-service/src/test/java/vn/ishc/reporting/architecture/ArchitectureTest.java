package vn.ishc.reporting.architecture;

import vn.ishc.testkit.architecture.ArchitectureChecks;

/** No package cycles, no other service's code, a domain-free kit. */
class ArchitectureTest extends ArchitectureChecks {

    @Override
    protected String rootPackage() {
        return "vn.ishc.reporting";
    }
}
