package dev.allframe.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class in a CDI container of its own (Weld SE) holding the application's beans, AllFrame's
 * extension, Jakarta Validation and the application's MicroProfile Config, on an empty store. The test's
 * {@code @Inject} fields are injected from it, and a test method may take an {@link AllFrameFixture}.
 *
 * <p>The beans are those with a bean-defining annotation ({@code @Handlers}, {@code @Projection},
 * {@code @SagaStep}, {@code @ApplicationScoped}, ...) in the packages of {@link #packages()}, and their
 * subpackages, plus the {@link #beans()}; with neither, the test class's package and its subpackages, as a WAR
 * would find them.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(AllFrameTestExtension.class)
public @interface AllFrameTest {

    /** Classes whose packages, with their subpackages, hold the application's beans. */
    Class<?>[] packages() default {};

    /** Bean classes to deploy besides those found in {@link #packages()}. */
    Class<?>[] beans() default {};

    /** The store each test starts empty on. */
    TestStore store() default TestStore.MEMORY;

    /**
     * Whether AllFrame runs on the test's time: a clock that stands still and a timer that runs tasks only when the
     * test {@linkplain AllFrameFixture#advanceTime advances} it (or a saga waits on a {@linkplain
     * AllFrameFixture#hangStep hanging step}), so that timeouts, back-off, polls and leases are tested without
     * waiting for them. Async projections still follow appends at once; their retries after a failure wait for the
     * test's time.
     */
    boolean manualTime() default false;
}
