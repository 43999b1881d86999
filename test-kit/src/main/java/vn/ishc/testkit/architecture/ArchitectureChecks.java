package vn.ishc.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service keeps (issue 10): its packages free of cycles, the service kit holding
 * no domain code, and no service reaching into another's code. A service's test extends this
 * and names its root package.
 */
public abstract class ArchitectureChecks {

    private static final List<String> SERVICES = List.of("vn.ishc.registry", "vn.ishc.funding", "vn.ishc.reporting");

    /** For example {@code vn.ishc.registry}. */
    protected abstract String rootPackage();

    private JavaClasses service() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(rootPackage());
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching(rootPackage() + ".(*)..").should().beFreeOfCycles().check(service());
    }

    @Test
    void theServiceUsesNoOtherServicesCode() {
        String[] others = SERVICES.stream().filter(s -> !s.equals(rootPackage())).map(s -> s + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(service());
    }

    @Test
    void theServiceKitHoldsNoDomainCode() {
        JavaClasses kit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.ishc.kit");
        noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
                .because("the kit is domain-free plumbing that every service may use (decision 0008)")
                .check(kit);
    }
}
