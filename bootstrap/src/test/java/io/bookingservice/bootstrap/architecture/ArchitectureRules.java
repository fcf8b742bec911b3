package io.bookingservice.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The dependency rule of DESIGN §1 as ArchUnit rules. Every constant here must be proven to bite
 * by a case in {@link ArchitecturePlantedViolationsTest}; that test fails for a rule without one.
 *
 * <p>{@code failOnEmptyShould} stays on for all of them: a rule that selects no classes fails
 * instead of passing while checking nothing.
 */
public final class ArchitectureRules {

    public static final String DOMAIN = "io.bookingservice.domain..";
    public static final String APPLICATION = "io.bookingservice.application..";
    public static final String PORT_IN = "io.bookingservice.application.port.in..";
    public static final String PORT_OUT = "io.bookingservice.application.port.out..";
    public static final String APPLICATION_MODEL = "io.bookingservice.application.model..";
    public static final String APPLICATION_ERROR = "io.bookingservice.application.error..";
    public static final String SERVICES = "io.bookingservice.application.service..";
    public static final String ADAPTERS = "io.bookingservice.adapters..";
    public static final String PERSISTENCE_ADAPTER = "io.bookingservice.adapters.persistence..";
    public static final String WEB_ADAPTER = "io.bookingservice.adapters.web..";
    public static final String MIGRATIONS = "io.bookingservice.migrations..";
    public static final String BOOTSTRAP = "io.bookingservice.bootstrap..";

    // ArchUnit places primitives in java.lang and arrays in their component type's package,
    // so "java.." covers int, byte[] and String[] as well.
    private static final String JAVA = "java..";

    // javax.. is banned whole: the core needs none of the JDK's javax packages either, and this
    // keeps javax.inject, javax.persistence and friends out without listing them.
    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "org.apache.ibatis..",
        "org.mybatis..",
        "tools.jackson..",
        "com.fasterxml.jackson..",
        "jakarta..",
        "javax.."
    };

    public static final ArchRule DOMAIN_DEPENDS_ONLY_ON_JAVA =
            classes().that().resideInAPackage(DOMAIN)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, JAVA)
                    .because("the domain is pure Java with no dependencies at all");

    public static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA =
            classes().that().resideInAPackage(APPLICATION)
                    .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, JAVA)
                    .because("the application depends on the domain only: plain Java, no frameworks");

    /** Partly implied by the two rules above, but names the frameworks in its failure message. */
    public static final ArchRule CORE_USES_NO_FRAMEWORKS =
            noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                    .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                    .because("Spring, MyBatis, Jackson and jakarta belong in adapters and bootstrap");

    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER =
            slices().matching("io.bookingservice.adapters.(*)..").namingSlices("adapter $1")
                    .should().notDependOnEachOther()
                    .because("adapters are swappable; only bootstrap combines them");

    public static final ArchRule ADAPTERS_DEPEND_ON_NEITHER_BOOTSTRAP_NOR_MIGRATIONS =
            noClasses().that().resideInAPackage(ADAPTERS)
                    .should().dependOnClassesThat().resideInAnyPackage(BOOTSTRAP, MIGRATIONS)
                    .because("bootstrap wires adapters, not the other way round, and the persistence"
                            + " adapter may use migrations in its tests only");

    public static final ArchRule ADAPTERS_REACH_THE_APPLICATION_ONLY_THROUGH_PORTS =
            noClasses().that().resideInAPackage(ADAPTERS)
                    .should().dependOnClassesThat(resideInAPackage(APPLICATION)
                            .and(not(resideInAnyPackage(PORT_IN, PORT_OUT, APPLICATION_MODEL, APPLICATION_ERROR))))
                    .because("adapters call use cases (port.in) and implement port.out; services are"
                            + " bootstrap's business");

    /**
     * Creating accounts without an actor, disabling them, listing every one: the operator's port.
     * The command line and the first start hold it; no adapter is ever given it, so no route can
     * reach an operation that checks nobody.
     */
    public static final ArchRule ADAPTERS_NEVER_GET_THE_OPERATOR_PORT =
            noClasses().that().resideInAPackage(ADAPTERS)
                    .should().dependOnClassesThat().haveFullyQualifiedName(
                            "io.bookingservice.application.port.in.OperateAccountsUseCase")
                    .because("operator-only operations check no actor; the web adapter gets"
                            + " AdministerUsersUseCase and ChangeOwnPasswordUseCase instead");

    public static final ArchRule PORTS_IN_AND_OUT_ARE_INDEPENDENT =
            slices().matching("io.bookingservice.application.port.(*)..").namingSlices("port.$1")
                    .should().notDependOnEachOther()
                    .because("what the web calls and what the application needs change for different reasons;"
                            + " shared types belong in application.model");

    public static final ArchRule MIGRATIONS_KNOW_NOTHING_OF_THE_SERVICE =
            noClasses().that().resideInAPackage(MIGRATIONS)
                    .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, BOOTSTRAP)
                    .because("migrations run from the CLI and from tests without the service");

    public static final ArchRule MODULES_ARE_FREE_OF_CYCLES =
            slices().matching("io.bookingservice.(*)..").namingSlices("module $1")
                    .should().beFreeOfCycles();

    public static final ArchRule DOMAIN_PACKAGES_ARE_FREE_OF_CYCLES =
            slices().matching("io.bookingservice.domain.(*)..").namingSlices("domain.$1")
                    .should().beFreeOfCycles();

    public static final ArchRule APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES =
            slices().matching("io.bookingservice.application.(*)..").namingSlices("application.$1")
                    .should().beFreeOfCycles();

    /**
     * Services are declared as {@code @Bean}s in bootstrap. Implied by the dependency rules for
     * annotations kept in the class file, but stated on its own because "just one {@code @Service}"
     * is the most likely slip; it also covers annotations on constructors, fields and methods.
     */
    public static final ArchRule SERVICES_CARRY_NO_FRAMEWORK_ANNOTATIONS =
            CompositeArchRule.of(noClasses().that().resideInAPackage(SERVICES)
                            .should().beAnnotatedWith(fromAFramework()))
                    .and(noMembers().that().areDeclaredInClassesThat().resideInAPackage(SERVICES)
                            .should().beAnnotatedWith(fromAFramework()))
                    .because("services are plain classes wired in bootstrap");

    /**
     * The guard that keeps the rules above meaningful: a class outside these packages (say a
     * controller moved to io.bookingservice.web) would escape every adapter rule unnoticed.
     */
    public static final ArchRule EVERY_CLASS_LIVES_IN_A_MODULE_PACKAGE =
            classes().that().resideInAPackage("io.bookingservice..")
                    .should().resideInAnyPackage(
                            DOMAIN, APPLICATION, MIGRATIONS, PERSISTENCE_ADAPTER, WEB_ADAPTER, BOOTSTRAP)
                    .because("the rules above select classes by these module packages");

    private static DescribedPredicate<JavaAnnotation<?>> fromAFramework() {
        return DescribedPredicate.describe("an annotation from outside java.. and io.bookingservice..",
                annotation -> !annotation.getRawType().getPackageName().startsWith("java.")
                        && !annotation.getRawType().getPackageName().startsWith("io.bookingservice."));
    }

    private ArchitectureRules() {
    }
}
