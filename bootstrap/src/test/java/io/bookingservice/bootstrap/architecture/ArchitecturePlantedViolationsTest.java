package io.bookingservice.bootstrap.architecture;

import static io.bookingservice.bootstrap.architecture.ArchitectureRules.ADAPTERS_DEPEND_ON_NEITHER_BOOTSTRAP_NOR_MIGRATIONS;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.ADAPTERS_NEVER_GET_THE_OPERATOR_PORT;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_PORTS;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.CORE_USES_NO_FRAMEWORKS;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JAVA;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.EVERY_CLASS_LIVES_IN_A_MODULE_PACKAGE;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.MIGRATIONS_KNOW_NOTHING_OF_THE_SERVICE;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.MODULES_ARE_FREE_OF_CYCLES;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.PORTS_IN_AND_OUT_ARE_INDEPENDENT;
import static io.bookingservice.bootstrap.architecture.ArchitectureRules.SERVICES_CARRY_NO_FRAMEWORK_ANNOTATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.bookingservice.adapters.persistence.planted.PersistenceAdapter;
import io.bookingservice.adapters.persistence.planted.PersistenceUsingMigrations;
import io.bookingservice.adapters.persistence.planted.PersistenceUsingTheWebAdapter;
import io.bookingservice.adapters.web.planted.WebAdapter;
import io.bookingservice.adapters.web.planted.WebCallingAService;
import io.bookingservice.adapters.web.planted.WebOperatingAccounts;
import io.bookingservice.adapters.web.planted.WebUsingBootstrap;
import io.bookingservice.adapters.web.planted.WebUsingThePersistenceAdapter;
import io.bookingservice.application.model.planted.ModelUsingAService;
import io.bookingservice.application.planted.ApplicationHalfOfACycle;
import io.bookingservice.application.planted.ApplicationUsingAnAdapter;
import io.bookingservice.application.planted.ApplicationUsingJackson;
import io.bookingservice.application.planted.ApplicationUsingJakarta;
import io.bookingservice.application.planted.ApplicationUsingMyBatis;
import io.bookingservice.application.planted.ApplicationUsingSpring;
import io.bookingservice.application.port.in.planted.UseCaseUsingPortOut;
import io.bookingservice.application.service.planted.ServiceAnnotatedForSpring;
import io.bookingservice.application.service.planted.ServiceUsingTheModel;
import io.bookingservice.application.service.planted.ServiceWithAnAutowiredConstructor;
import io.bookingservice.domain.booking.planted.BookingUsingUser;
import io.bookingservice.domain.planted.DomainHalfOfACycle;
import io.bookingservice.domain.planted.DomainUsingSpring;
import io.bookingservice.domain.planted.DomainUsingTheApplication;
import io.bookingservice.domain.user.planted.UserUsingBooking;
import io.bookingservice.migrations.planted.MigrationEngine;
import io.bookingservice.migrations.planted.MigrationUsingTheDomain;
import io.bookingservice.web.planted.StrayController;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that each rule of {@link ArchitectureRules} fails when broken: the fixtures under
 * {@code io.bookingservice.**.planted} are test classes named like production packages, each
 * breaking one rule. They are imported here one case at a time, never by {@link ArchitectureTest}.
 */
class ArchitecturePlantedViolationsTest {

    /**
     * @param culprit the class that breaks the rule; the failure report must name it, so a rule
     *     failing for another reason (say, an empty selection) does not count
     * @param accomplices compliant classes the rule needs to see as well (the other half of a cycle,
     *     the other adapter), so that the culprit alone is what makes the difference
     */
    record PlantedViolation(ArchRule rule, Class<?> culprit, Class<?>... accomplices) {
        JavaClasses classes() {
            return importOnly(Stream.concat(Stream.of(culprit), Arrays.stream(accomplices)).toArray(Class<?>[]::new));
        }
    }

    /**
     * Imports just these classes. The rules judge dependency targets by package and annotations by
     * type name, which ArchUnit knows without importing Spring's class hierarchy from the classpath;
     * skipping that keeps these tests fast. Thread-local, so {@link ArchitectureTest} keeps the defaults.
     */
    static JavaClasses importOnly(Class<?>... classes) {
        return ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importClasses(classes);
        });
    }

    static List<Named<PlantedViolation>> plantedViolations() {
        return List.of(
                Named.of("the domain using Spring is not pure Java",
                        new PlantedViolation(DOMAIN_DEPENDS_ONLY_ON_JAVA, DomainUsingSpring.class)),
                Named.of("the domain using the application is not pure Java",
                        new PlantedViolation(DOMAIN_DEPENDS_ONLY_ON_JAVA, DomainUsingTheApplication.class)),
                Named.of("the application using Spring leaves domain and Java",
                        new PlantedViolation(APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA, ApplicationUsingSpring.class)),
                Named.of("the application using an adapter leaves domain and Java",
                        new PlantedViolation(APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA,
                                ApplicationUsingAnAdapter.class, PersistenceAdapter.class)),
                Named.of("the domain using Spring uses a framework",
                        new PlantedViolation(CORE_USES_NO_FRAMEWORKS, DomainUsingSpring.class)),
                Named.of("the application using Spring uses a framework",
                        new PlantedViolation(CORE_USES_NO_FRAMEWORKS, ApplicationUsingSpring.class)),
                Named.of("the application using Jackson uses a framework",
                        new PlantedViolation(CORE_USES_NO_FRAMEWORKS, ApplicationUsingJackson.class)),
                Named.of("the application using jakarta.servlet uses a framework",
                        new PlantedViolation(CORE_USES_NO_FRAMEWORKS, ApplicationUsingJakarta.class)),
                Named.of("the application using MyBatis uses a framework",
                        new PlantedViolation(CORE_USES_NO_FRAMEWORKS, ApplicationUsingMyBatis.class)),
                Named.of("the web adapter using the persistence adapter couples adapters",
                        new PlantedViolation(ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                                WebUsingThePersistenceAdapter.class, PersistenceAdapter.class)),
                Named.of("the persistence adapter using the web adapter couples adapters",
                        new PlantedViolation(ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                                PersistenceUsingTheWebAdapter.class, WebAdapter.class)),
                Named.of("the persistence adapter using migrations in production code",
                        new PlantedViolation(ADAPTERS_DEPEND_ON_NEITHER_BOOTSTRAP_NOR_MIGRATIONS,
                                PersistenceUsingMigrations.class, MigrationEngine.class)),
                Named.of("the web adapter using bootstrap",
                        new PlantedViolation(ADAPTERS_DEPEND_ON_NEITHER_BOOTSTRAP_NOR_MIGRATIONS, WebUsingBootstrap.class)),
                Named.of("the web adapter holding a service bypasses port.in",
                        new PlantedViolation(ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_PORTS, WebCallingAService.class)),
                Named.of("the web adapter holding the operator-only port",
                        new PlantedViolation(ADAPTERS_NEVER_GET_THE_OPERATOR_PORT, WebOperatingAccounts.class)),
                Named.of("a port.in use case exposing a port.out repository",
                        new PlantedViolation(PORTS_IN_AND_OUT_ARE_INDEPENDENT, UseCaseUsingPortOut.class)),
                Named.of("migrations using the domain",
                        new PlantedViolation(MIGRATIONS_KNOW_NOTHING_OF_THE_SERVICE, MigrationUsingTheDomain.class)),
                Named.of("a domain ↔ application cycle",
                        new PlantedViolation(MODULES_ARE_FREE_OF_CYCLES,
                                DomainHalfOfACycle.class, ApplicationHalfOfACycle.class)),
                Named.of("a domain.user ↔ domain.booking cycle",
                        new PlantedViolation(DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES,
                                UserUsingBooking.class, BookingUsingUser.class)),
                Named.of("an application.model ↔ application.service cycle",
                        new PlantedViolation(APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES,
                                ModelUsingAService.class, ServiceUsingTheModel.class)),
                Named.of("a service annotated with a Spring annotation",
                        new PlantedViolation(SERVICES_CARRY_NO_FRAMEWORK_ANNOTATIONS,
                                ServiceAnnotatedForSpring.class, ServiceUsingTheModel.class)),
                Named.of("a service with an @Autowired constructor",
                        new PlantedViolation(SERVICES_CARRY_NO_FRAMEWORK_ANNOTATIONS,
                                ServiceWithAnAutowiredConstructor.class, ServiceUsingTheModel.class)),
                Named.of("a class outside every module package",
                        new PlantedViolation(EVERY_CLASS_LIVES_IN_A_MODULE_PACKAGE, StrayController.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantedViolations")
    void aPlantedViolationBreaksItsRule(PlantedViolation planted) {
        EvaluationResult result = planted.rule().evaluate(planted.classes());

        assertThat(result.hasViolation()).as("%s should be violated", planted.rule().getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(planted.culprit().getName()));
    }

    static Stream<Named<PlantedViolation>> plantedViolationsWithAccomplices() {
        return plantedViolations().stream().filter(named -> named.getPayload().accomplices().length > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantedViolationsWithAccomplices")
    void withoutTheCulpritTheAccomplicesPass(PlantedViolation planted) {
        // Shows that the culprit is what breaks the rule, not the accomplices it is imported with.
        // Empty selections are allowed here only: an accomplice may lie outside what the rule selects.
        JavaClasses accomplices = importOnly(planted.accomplices());

        assertThat(planted.rule().allowEmptyShould(true).evaluate(accomplices).hasViolation()).isFalse();
    }

    @Test
    void everyRuleHasAPlantedViolation() throws IllegalAccessException {
        List<ArchRule> planted = plantedViolations().stream().map(named -> named.getPayload().rule()).toList();

        for (Field field : ArchitectureRules.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ArchRule.class.isAssignableFrom(field.getType())) {
                Object rule = field.get(null);
                assertThat(planted).as("planted violations of %s", field.getName())
                        .anySatisfy(plantedRule -> assertThat(plantedRule).isSameAs(rule));
            }
        }
    }
}
