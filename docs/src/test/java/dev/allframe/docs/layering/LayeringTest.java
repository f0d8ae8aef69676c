package dev.allframe.docs.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of allframe-cdi, allframe-jpa-store and allframe-test, as rules on their compiled classes: the core is
 * CDI-free, the API and the store SPI import nothing internal, the JPA store builds on the API and SPI only and keeps
 * Hibernate inside its internal package and out of its public signatures, the test kit shows only APIs in its public
 * signatures and its internals build on nothing of its API, and no two packages depend on each other.
 */
class LayeringTest {

    private static final String[] API = {"dev.allframe", "dev.allframe.command", "dev.allframe.query",
            "dev.allframe.projection", "dev.allframe.saga", "dev.allframe.event"};
    private static final String[] INTERNAL = {"dev.allframe.core..", "dev.allframe.cdi..", "dev.allframe.memory..",
            "dev.allframe.jpa..", "dev.allframe.otel.."};
    private static final String[] JDK = {"java..", "javax.."};

    private static JavaClasses allFrame;

    @BeforeAll
    static void importClasses() {
        allFrame = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.allframe");
    }

    @Test
    void theCoreImportsNoCdi() {
        noClasses().that().resideInAPackage("dev.allframe.core..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.enterprise..")
                .because("the core is CDI-free; the extension in dev.allframe.cdi is the only CDI layer")
                .check(allFrame);
    }

    @Test
    void onlyTheTelemetryPackageAndItsLoaderUseOpenTelemetry() {
        noClasses().that().resideOutsideOfPackage("dev.allframe.otel..")
                .and().doNotHaveFullyQualifiedName("dev.allframe.cdi.OpenTelemetryBeans")
                .should().dependOnClassesThat().resideInAPackage("io.opentelemetry..")
                .because("OpenTelemetry is optional: only the classes loaded once its API is found may use it")
                .check(allFrame);
    }

    @Test
    void theApiImportsNothingInternal() {
        noClasses().that().resideInAnyPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL)
                .because("the API is what applications compile against; internals may change under it")
                .check(allFrame);
    }

    @Test
    void theSpiImportsOnlyTheApiTheSpiTheJdkAndJakarta() {
        classes().that().resideInAPackage("dev.allframe.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages(API,
                        new String[] {"dev.allframe.spi..", "jakarta.."}, JDK))
                .because("stores implement the SPI knowing nothing of AllFrame's internals")
                .check(allFrame);
    }

    @Test
    void theJpaStoreBuildsOnTheApiAndSpiOnly() {
        classes().that().resideInAPackage("dev.allframe.jpa..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages(API,
                        new String[] {"dev.allframe.spi..", "dev.allframe.jpa..", "jakarta..", "org.hibernate..",
                                "org.postgresql.."},
                        JDK))
                .because("the JPA store is a store like any other: it sees the API and the SPI, not the core")
                .check(allFrame);
    }

    @Test
    void onlyTheNotificationsListenerUsesThePostgresDriver() {
        noClasses().that().resideInAPackage("dev.allframe.jpa..")
                .and().doNotHaveFullyQualifiedName("dev.allframe.jpa.internal.PostgresNotifications")
                .should().dependOnClassesThat().resideInAPackage("org.postgresql..")
                .because("the driver is there only on PostgreSQL: one class, loaded only there, uses it")
                .check(allFrame);
    }

    @Test
    void onlyTheJpaStoresInternalPackageUsesHibernate() {
        noClasses().that().resideInAPackage("dev.allframe.jpa..")
                .and().resideOutsideOfPackage("dev.allframe.jpa.internal..")
                .should().dependOnClassesThat().resideInAPackage("org.hibernate..")
                .because("Hibernate is how the store works, not part of what it offers")
                .check(allFrame);
    }

    @Test
    void noPackagesDependOnEachOther() {
        SlicesRuleDefinition.slices().assignedFrom(byPackage()).should().beFreeOfCycles().check(allFrame);
    }

    @Test
    void theJpaStoresPublicSignaturesExposeNoHibernateType() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.allframe.jpa")
                .and().areDeclaredInClassesThat().arePublic()
                .should(exposeNoHibernateType())
                .because("applications see dev.allframe.jpa; a Hibernate type there ties them to one provider")
                .check(allFrame);
    }

    @Test
    void theTestKitsPublicSignaturesExposeOnlyItsApiAndAllFramesApi() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.allframe.test")
                .and().areDeclaredInClassesThat().arePublic()
                .should(exposeNoTypeOf("dev.allframe.test.internal", "dev.allframe.core", "dev.allframe.cdi",
                        "dev.allframe.memory", "dev.allframe.jpa"))
                .because("tests see dev.allframe.test; its internals and AllFrame's may change under them")
                .check(allFrame);
    }

    @Test
    void theTestKitsInternalsKnowNothingOfItsApi() {
        noClasses().that().resideInAPackage("dev.allframe.test.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.allframe.test")
                .because("the kit's API builds on its internals, not the other way round")
                .check(allFrame);
    }

    /** Each package of AllFrame is a slice of its own. */
    private static SliceAssignment byPackage() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                return name.equals("dev.allframe") || name.startsWith("dev.allframe.") ? SliceIdentifier.of(name)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of dev.allframe";
            }
        };
    }

    private static ArchCondition<JavaCodeUnit> exposeNoTypeOf(String... packages) {
        return new ArchCondition<>("expose no type of " + String.join(", ", packages)) {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream.concat(unit.getReturnType().getAllInvolvedRawTypes().stream(),
                                unit.getParameters().stream().map(JavaParameter::getType)
                                        .flatMap(type -> type.getAllInvolvedRawTypes().stream()))
                        .filter(type -> Stream.of(packages).anyMatch(p -> type.getPackageName().equals(p)
                                || type.getPackageName().startsWith(p + ".")))
                        .distinct()
                        .forEach(type -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " exposes " + type.getName())));
            }
        };
    }

    private static ArchCondition<JavaCodeUnit> exposeNoHibernateType() {
        return new ArchCondition<>("expose no org.hibernate type") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                Stream.concat(unit.getReturnType().getAllInvolvedRawTypes().stream(),
                                unit.getParameters().stream().map(JavaParameter::getType)
                                        .flatMap(type -> type.getAllInvolvedRawTypes().stream()))
                        .filter(type -> type.getPackageName().startsWith("org.hibernate"))
                        .distinct()
                        .forEach(type -> events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " exposes " + type.getName())));
            }
        };
    }

    private static String[] packages(String[]... groups) {
        return Stream.of(groups).flatMap(Stream::of).toArray(String[]::new);
    }
}
