package dev.allframe.cdi;

import dev.allframe.SagaContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.util.AnnotationLiteral;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Puts MicroProfile Fault Tolerance in front of each {@code @SagaStep}'s {@code execute}: adds
 * {@code @Asynchronous}, {@code @Timeout} and {@code @Retry(maxRetries = 0)} to the method, each unless the
 * class or the method declares it. Because the annotations sit on the step's own method, the standard keys
 * {@code <step class>/execute/Timeout/value} and {@code <step class>/execute/Retry/maxRetries} configure
 * each step. Loaded only when the Fault Tolerance API is there ({@link SagaDiscovery#faultToleranceAvailable()}).
 */
final class FaultToleranceSteps {

    static final String EXECUTE = "execute";

    private FaultToleranceSteps() {
    }

    static <T> void guard(ProcessAnnotatedType<T> event, Duration timeout) {
        AnnotatedType<T> type = event.getAnnotatedType();
        event.configureAnnotatedType().filterMethods(FaultToleranceSteps::isExecute).forEach(method -> {
            AnnotatedMethod<? super T> annotated = method.getAnnotated();
            if (absent(type, annotated, Asynchronous.class)) {
                method.add(AsynchronousLiteral.INSTANCE);
            }
            if (absent(type, annotated, Timeout.class)) {
                method.add(new TimeoutLiteral(Math.max(1, timeout.toMillis())));
            }
            if (absent(type, annotated, Retry.class)) {
                method.add(RetryLiteral.NONE);
            }
        });
    }

    /** Registers {@link FaultToleranceProbe} with {@code @Asynchronous} added to its method. */
    static void registerProbe(BeforeBeanDiscovery event) {
        event.addAnnotatedType(FaultToleranceProbe.class, FaultToleranceProbe.class.getName())
                .add(Dependent.Literal.INSTANCE)
                .filterMethods(method -> method.getJavaMember().getName().equals("thread"))
                .forEach(method -> method.add(AsynchronousLiteral.INSTANCE));
    }

    /** Whether the probe's method, with the {@code @Asynchronous} this extension added, ran on another thread. */
    static boolean honoursAddedAnnotations(BeanManager beanManager) {
        try {
            FaultToleranceProbe probe = beanManager.createInstance().select(FaultToleranceProbe.class).get();
            return probe.thread().toCompletableFuture().get(10, TimeUnit.SECONDS) != Thread.currentThread();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the class file itself puts {@code @Asynchronous} and {@code @Timeout} on {@code execute}: what a
     * Fault Tolerance implementation that reads only class files needs to guard the step.
     */
    static boolean declaredInClassFile(Class<?> stepClass) {
        for (Class<?> c = stepClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (isExecute(method)) {
                    return (method.isAnnotationPresent(Asynchronous.class) || c.isAnnotationPresent(Asynchronous.class))
                            && (method.isAnnotationPresent(Timeout.class) || c.isAnnotationPresent(Timeout.class));
                }
            }
        }
        return false;
    }

    private static boolean isExecute(AnnotatedMethod<?> method) {
        return isExecute(method.getJavaMember());
    }

    private static boolean isExecute(Method method) {
        return method.getName().equals(EXECUTE) && method.getParameterCount() == 1
                && method.getParameterTypes()[0] == SagaContext.class && !method.isBridge() && !method.isSynthetic()
                && !method.getDeclaringClass().isInterface();
    }

    private static boolean absent(AnnotatedType<?> type, AnnotatedMethod<?> method, Class<? extends Annotation> annotation) {
        return !type.isAnnotationPresent(annotation) && !method.isAnnotationPresent(annotation);
    }

    static final class AsynchronousLiteral extends AnnotationLiteral<Asynchronous> implements Asynchronous {

        static final AsynchronousLiteral INSTANCE = new AsynchronousLiteral();
    }

    static final class TimeoutLiteral extends AnnotationLiteral<Timeout> implements Timeout {

        private final long millis;

        TimeoutLiteral(long millis) {
            this.millis = millis;
        }

        @Override
        public long value() {
            return millis;
        }

        @Override
        public ChronoUnit unit() {
            return ChronoUnit.MILLIS;
        }
    }

    /** No retries unless configured: {@code <step class>/execute/Retry/maxRetries} raises them. */
    static final class RetryLiteral extends AnnotationLiteral<Retry> implements Retry {

        static final RetryLiteral NONE = new RetryLiteral();

        @Override
        public int maxRetries() {
            return 0;
        }

        @Override
        public long delay() {
            return 0;
        }

        @Override
        public ChronoUnit delayUnit() {
            return ChronoUnit.MILLIS;
        }

        @Override
        public long maxDuration() {
            return 180_000;
        }

        @Override
        public ChronoUnit durationUnit() {
            return ChronoUnit.MILLIS;
        }

        @Override
        public long jitter() {
            return 0;
        }

        @Override
        public ChronoUnit jitterDelayUnit() {
            return ChronoUnit.MILLIS;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<? extends Throwable>[] retryOn() {
            return new Class[] {Exception.class};
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<? extends Throwable>[] abortOn() {
            return new Class[0];
        }
    }
}
