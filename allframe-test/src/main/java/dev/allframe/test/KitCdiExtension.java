package dev.allframe.test;

import dev.allframe.test.internal.Observed;
import dev.allframe.test.internal.HandledCommands;
import dev.allframe.test.internal.StepDoubles;
import dev.allframe.command.CommandHandler;
import dev.allframe.saga.SagaStep;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Type;
import java.util.function.Supplier;

/**
 * The kit's part of a test's container: binds its interceptor to command handler and saga step beans, offers the
 * test's {@link AllFrameFixture} and the steps it made fail or hang as beans, gives the {@code Validator} and
 * {@code ValidatorFactory} beans a server gives (unless the application has its own) and, when the test runs on a database of the kit's, replaces the
 * application's {@code EntityManagerFactory} beans (which a server would fill) with the kit's.
 */
final class KitCdiExtension implements Extension {

    static final String ENTITY_MANAGER_FACTORY = "jakarta.persistence.EntityManagerFactory";

    private final Supplier<AllFrameFixture> fixture;
    private final TestRun run;
    private final TestDatabase database;
    private boolean applicationValidator;

    /** @param database the kit's database, or {@code null} for the in-memory store */
    KitCdiExtension(Supplier<AllFrameFixture> fixture, TestRun run, TestDatabase database) {
        this.fixture = fixture;
        this.run = run;
        this.database = database;
    }

    <T> void bindHandlersAndSteps(@Observes @WithAnnotations({CommandHandler.class, SagaStep.class})
                                  ProcessAnnotatedType<T> event) {
        event.configureAnnotatedType().add(Observed.Literal.INSTANCE);
    }

    void replaceEntityManagerFactories(@Observes ProcessBeanAttributes<?> event) {
        if (database != null && producesEntityManagerFactory(event)) {
            event.veto();
        }
    }

    private static boolean producesEntityManagerFactory(ProcessBeanAttributes<?> event) {
        for (Type type : event.getBeanAttributes().getTypes()) {
            if (type.getTypeName().equals(ENTITY_MANAGER_FACTORY)) {
                return true;
            }
        }
        return false;
    }

    /** Notes whether the application brings its own {@code Validator} bean, which a server would otherwise give. */
    void noticeValidators(@Observes ProcessBean<?> event) {
        if (event.getBean().getTypes().contains(Validator.class)) {
            applicationValidator = true;
        }
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        if (!applicationValidator) {
            event.addBean().types(ValidatorFactory.class, Object.class).scope(Singleton.class)
                    .createWith(context -> Validation.buildDefaultValidatorFactory())
                    .destroyWith((factory, context) -> ((ValidatorFactory) factory).close());
            event.addBean().types(Validator.class, Object.class).scope(Dependent.class)
                    .produceWith(beans -> beans.select(ValidatorFactory.class).get().getValidator());
        }
        event.addBean().types(AllFrameFixture.class, Object.class).scope(Dependent.class)
                .createWith(context -> fixture.get());
        event.addBean().types(StepDoubles.class, Object.class).scope(Singleton.class)
                .createWith(context -> run.steps());
        event.addBean().types(HandledCommands.class, Object.class).scope(Singleton.class)
                .createWith(context -> run.commands());
        if (database != null) {
            database.addBean(event);
        }
    }
}
