package dev.allframe.test.internal;

import dev.allframe.command.CommandHandler;
import dev.allframe.test.AllFrameFixture;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.reflect.Type;
import java.util.function.Supplier;

/**
 * The kit's part of a test's container: binds the concurrent-append interceptor to command handler beans, offers
 * the test's {@link AllFrameFixture} as a bean and, when the test runs on a database of the kit's, replaces the
 * application's {@code EntityManagerFactory} beans (which a server would fill) with the kit's.
 */
final class KitCdiExtension implements Extension {

    static final String ENTITY_MANAGER_FACTORY = "jakarta.persistence.EntityManagerFactory";

    private final Supplier<AllFrameFixture> fixture;
    private final TestDatabase database;

    /** @param database the kit's database, or {@code null} for the in-memory store */
    KitCdiExtension(Supplier<AllFrameFixture> fixture, TestDatabase database) {
        this.fixture = fixture;
        this.database = database;
    }

    <T> void bindHandlers(@Observes @WithAnnotations(CommandHandler.class) ProcessAnnotatedType<T> event) {
        event.configureAnnotatedType().add(ConcurrentAppends.Literal.INSTANCE);
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

    void addBeans(@Observes AfterBeanDiscovery event) {
        event.addBean().types(AllFrameFixture.class, Object.class).scope(Dependent.class)
                .createWith(context -> fixture.get());
        if (database != null) {
            database.addBean(event);
        }
    }
}
