package dev.allframe.cdi.features.sagathreads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.naming.Context;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where sagas run: on a server's default managed executor when it has one; on AllFrame's own threads when
 * not, with a warning when there is a server (a naming context) that lacks it.
 */
class SagaThreadsTest {

    private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Logger log = Logger.getLogger("dev.allframe.cdi.SagaRuntime");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        log.addHandler(capture);
    }

    @AfterEach
    void restore() {
        log.removeHandler(capture);
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        ServerNaming.clear();
    }

    @Test
    void aServerWithoutAManagedExecutorIsWarnedAboutAndSagasStillRunOnAllFramesThreads() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, ServerNaming.class.getName());

        String thread = ping();

        assertThat(warnings).containsExactly("AF1154: The server has no java:comp/DefaultManagedExecutorService:"
                + " sagas run on AllFrame's own threads, on which the server may give steps none of the application's"
                + " context (a step dispatching a command can fail then); on Open Liberty enable the concurrent-3.0"
                + " feature");
        assertThat(thread).startsWith("allframe-steps-");
    }

    @Test
    void aServersManagedExecutorRunsTheStepsWithoutAWarning() {
        AtomicInteger count = new AtomicInteger();
        ExecutorService managed = Executors.newCachedThreadPool(
                task -> new Thread(task, "managed-" + count.incrementAndGet()));
        try {
            ServerNaming.bind(MANAGED_EXECUTOR, (Executor) managed::execute);
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, ServerNaming.class.getName());

            assertThat(ping()).startsWith("managed-");
            assertThat(warnings).isEmpty();
        } finally {
            managed.shutdownNow();
        }
    }

    @Test
    void withoutAServerSagasRunOnAllFramesThreadsWithoutAWarning() {
        assertThat(ping()).startsWith("allframe-steps-");
        assertThat(warnings).isEmpty();
    }

    private String ping() {
        Ping.thread = null;
        try (WeldContainer container = Deployments.weld(Ping.class).initialize()) {
            SagaOutcome outcome = container.select(SagaOrchestrator.class).get().start("ping", "hello");
            assertThat(outcome).isInstanceOf(SagaOutcome.Completed.class);
            return Ping.thread;
        }
    }
}
