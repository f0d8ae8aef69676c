package dev.allframe.cdi.features.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import dev.allframe.cdi.features.DependentHandlers;
import dev.allframe.cdi.features.Ping;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandOptions;
import dev.allframe.command.CommandResult;
import dev.allframe.core.retention.RetentionJob;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Retention runs in a deployed application on AllFrame's workers, as configured: a key kept a millisecond is gone
 * at the next run, and the command it guarded runs again.
 */
class RetentionOnCdiTest {

    @Test
    void aKeyWhoseRetentionPassedIsRemovedByTheRunningJobAndItsCommandRunsAgain() throws Exception {
        Logger logger = Logger.getLogger(RetentionJob.class.getName());
        CountDownLatch removed = new CountDownLatch(1);
        Handler watch = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.INFO && record.getMessage().startsWith("AF1202: Retention removed 1 ")) {
                    removed.countDown();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addHandler(watch);
        try {
            TestConfig.with(Map.of("allframe.retention.idempotency-keys", "1ms",
                    "allframe.retention.interval", "20ms"), () -> {
                try (WeldContainer container = Deployments.weld(DependentHandlers.class).initialize()) {
                    CommandBus bus = container.select(CommandBus.class).get();
                    CommandOptions key = CommandOptions.none().idempotencyKey("ping-1");
                    CommandResult first = bus.dispatch(new Ping("p"), key);

                    assertThat(removed.await(30, TimeUnit.SECONDS)).as("the job removed the key").isTrue();

                    CommandResult again = bus.dispatch(new Ping("p"), key);
                    assertThat(again.duplicate()).isFalse();
                    assertThat(again.streamVersion()).isEqualTo(first.streamVersion() + 1);
                }
                return null;
            });
        } finally {
            logger.removeHandler(watch);
            logger.setLevel(level);
        }
    }
}
