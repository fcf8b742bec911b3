package io.bookingservice.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every rule of {@link ArchitectureRules} against the production classes of all modules.
 * {@code failOnEmptyShould} stays on: a rule whose selection is empty (a renamed package, a
 * module without classes) fails instead of passing while checking nothing, and
 * {@link ArchitectureRules#EVERY_CLASS_LIVES_IN_A_MODULE_PACKAGE} makes sure no class hides
 * outside the packages the rules select.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new DoNotIncludeTestJars())
                .importPackages("io.bookingservice");
    }

    @Test
    void theImportHoldsTheProductionCodeAndNoTestFixture() {
        assertThat(production.containPackage("io.bookingservice.domain")).isTrue();
        assertThat(production.containPackage("io.bookingservice.application.service")).isTrue();
        // The planted violations share the production package names; importing them would make
        // every rule fail for the wrong reason, and importing test fakes would hide real problems.
        assertThat(production.stream().map(JavaClass::getName))
                .noneMatch(name -> name.contains(".planted."))
                .noneMatch(name -> name.startsWith("io.bookingservice.application.testing."));
    }

    @Test
    void theDomainDependsOnlyOnJava() {
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JAVA.check(production);
    }

    @Test
    void theApplicationDependsOnlyOnTheDomainAndJava() {
        ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA.check(production);
    }

    @Test
    void theCoreUsesNoFrameworks() {
        ArchitectureRules.CORE_USES_NO_FRAMEWORKS.check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(production);
    }

    @Test
    void adaptersDependOnNeitherBootstrapNorMigrations() {
        ArchitectureRules.ADAPTERS_DEPEND_ON_NEITHER_BOOTSTRAP_NOR_MIGRATIONS.check(production);
    }

    @Test
    void adaptersReachTheApplicationOnlyThroughPorts() {
        ArchitectureRules.ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_PORTS.check(production);
    }

    @Test
    void adaptersNeverGetTheOperatorPort() {
        ArchitectureRules.ADAPTERS_NEVER_GET_THE_OPERATOR_PORT.check(production);
    }

    @Test
    void portsInAndOutAreIndependent() {
        ArchitectureRules.PORTS_IN_AND_OUT_ARE_INDEPENDENT.check(production);
    }

    @Test
    void migrationsKnowNothingOfTheService() {
        ArchitectureRules.MIGRATIONS_KNOW_NOTHING_OF_THE_SERVICE.check(production);
    }

    @Test
    void modulesAreFreeOfCycles() {
        ArchitectureRules.MODULES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void domainPackagesAreFreeOfCycles() {
        ArchitectureRules.DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void applicationPackagesAreFreeOfCycles() {
        ArchitectureRules.APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void servicesCarryNoFrameworkAnnotations() {
        ArchitectureRules.SERVICES_CARRY_NO_FRAMEWORK_ANNOTATIONS.check(production);
    }

    @Test
    void everyClassLivesInAModulePackage() {
        ArchitectureRules.EVERY_CLASS_LIVES_IN_A_MODULE_PACKAGE.check(production);
    }

    /**
     * {@link ImportOption.DoNotIncludeTests} knows target/test-classes but not test-jars, and
     * bootstrap's test classpath holds the migrations test-jar once the reactor has packaged it.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }
}
