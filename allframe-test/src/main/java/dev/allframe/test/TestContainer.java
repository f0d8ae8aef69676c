package dev.allframe.test;

import dev.allframe.test.internal.KitInterceptor;
import dev.allframe.test.internal.OptionalExtensions;
import dev.allframe.test.internal.PackageScan;
import dev.allframe.cdi.AllFrameExtension;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * One test's world: its configuration, its database when it has one, and a Weld SE container of the application's
 * beans with AllFrame's extension, as strict as a server's Weld; closed in the reverse order after the test.
 */
final class TestContainer implements AutoCloseable {

    private final TestConfig config;
    private final TestDatabase database;
    private final WeldContainer weld;
    private final AllFrameFixture fixture;

    private TestContainer(TestConfig config, TestDatabase database, WeldContainer weld, TestRun run) {
        this.config = config;
        this.database = database;
        this.weld = weld;
        this.fixture = new AllFrameFixture(weld, run);
    }

    static TestContainer start(Class<?> testClass, Method testMethod) {
        AllFrameTest settings = testClass.getAnnotation(AllFrameTest.class);
        TestStore store = settings == null ? TestStore.MEMORY : settings.store();
        TestRun run = new TestRun(settings != null && settings.manualTime(), store);
        TestDatabase database = TestDatabase.open(store, testClass);
        Map<String, String> kit = new HashMap<>(database == null ? Map.of("allframe.event-store", "memory")
                : database.config());
        TestConfig config = null;
        try {
            config = TestConfig.install(kit, testClass, testMethod);
            TestContainer[] started = new TestContainer[1];
            Weld weld = new Weld("allframe-test-" + UUID.randomUUID()).disableDiscovery()
                    .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                    .property("org.jboss.weld.construction.relaxed", false)
                    .addExtension(run.allFrameTime() == null ? new AllFrameExtension()
                            : new AllFrameExtension(run.allFrameTime()))
                    .addExtension(new ConfigExtension())
                    .addExtension(new KitCdiExtension(() -> started[0].fixture, run, database))
                    .addBeanClasses(KitInterceptor.class);
            OptionalExtensions.present(testClass.getClassLoader()).forEach(weld::addExtension);
            Class<?>[] packages = settings == null || settings.packages().length == 0 && settings.beans().length == 0
                    ? new Class<?>[] {testClass} : settings.packages();
            for (Class<?> inPackage : packages) {
                weld.addBeanClasses(PackageScan.classes(inPackage.getPackageName(), testClass.getClassLoader())
                        .toArray(Class<?>[]::new));
            }
            if (settings != null && settings.beans().length > 0) {
                weld.addBeanClasses(settings.beans());
            }
            started[0] = new TestContainer(config, database, weld.initialize(), run);
            return started[0];
        } catch (RuntimeException | Error e) {
            closeQuietly(config, database, e);
            throw e;
        }
    }

    AllFrameFixture fixture() {
        return fixture;
    }

    /** Injects the test instance's {@code @Inject} fields and methods from the container. */
    <T> void inject(T testInstance) {
        BeanManager beans = weld.getBeanManager();
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) testInstance.getClass();
        InjectionTarget<T> target = beans.getInjectionTargetFactory(beans.createAnnotatedType(type))
                .createInjectionTarget(null);
        CreationalContext<T> context = beans.createCreationalContext(null);
        target.inject(testInstance, context);
    }

    @Override
    public void close() {
        try {
            weld.shutdown();
        } finally {
            closeQuietly(config, database, null);
        }
    }

    private static void closeQuietly(TestConfig config, TestDatabase database, Throwable failure) {
        try {
            if (database != null) {
                database.close();
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        } finally {
            if (config != null) {
                config.close();
            }
        }
    }
}
