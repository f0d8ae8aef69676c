package dev.allframe.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parking projection and the operator's desk of docs/guide/projections.md, compiled from their blocks with the
 * README's bank and run on the in-memory store: the deposit over the limit is parked, the projection goes on, and
 * once the limit is raised the retry applies it.
 */
class ParkingExampleTest {

    private static final String PACKAGE = "com.example.bank.";

    @TempDir
    Path directory;

    @Test
    void aDepositOverTheLimitIsParkedAndAppliedOnceTheLimitIsRaised() throws Exception {
        Example parking = Example.of("projections-parking", null, directory);

        parking.run(() -> {
            try (WeldContainer container = parking.start()) {
                CommandBus commands = container.select(CommandBus.class).get();
                ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
                commands.dispatch(message(parking, "AccountCommand$Open", "A-1", "Ada"));
                commands.dispatch(message(parking, "AccountCommand$Deposit", "A-1", new BigDecimal("20000")));
                CommandResult last = commands.dispatch(message(parking, "AccountCommand$Deposit", "A-1",
                        new BigDecimal("2000")));

                assertThat(projections.awaitPosition("large-deposits", last.lastPosition(), Duration.ofSeconds(30)))
                        .as("the projection goes past the deposit it cannot apply").isTrue();
                assertThat(projections.status("large-deposits").state()).isEqualTo(ProjectionState.RUNNING);
                assertThat(projections.status("large-deposits").parked()).isEqualTo(1);
                Object desk = container.select(parking.classes().load(PACKAGE + "DeadLetterDesk")).get();
                assertThat(call(desk, "parked", "large-deposits")).isEqualTo(List.of("2 AccountEvent.Deposited of A-1,"
                        + " parked by @Projection(onFailure = PARK) (its retries were used up), tried 4 times: AF1119:"
                        + " Projection 'large-deposits' failed on event AccountEvent.Deposited at position 2 (stream"
                        + " 'A-1', version 2) in com.example.bank.LargeDeposits#deposited(Deposited):"
                        + " java.lang.IllegalStateException: 20000 is over the limit of 10000"));
                Object largeDeposits = container.select(parking.classes().load(PACKAGE + "LargeDeposits")).get();
                assertThat(call(largeDeposits, "deposits")).isEqualTo(List.of("A-1 2000"));

                largeDeposits.getClass().getMethod("raiseLimit", BigDecimal.class).invoke(largeDeposits,
                        new BigDecimal("50000"));
                assertThat(call(desk, "retry", "large-deposits")).isEqualTo(List.of(2L));

                assertThat(call(largeDeposits, "deposits")).isEqualTo(List.of("A-1 2000", "A-1 20000"));
                assertThat(projections.status("large-deposits").parked()).isZero();
            }
            return null;
        });
    }

    private static Object call(Object target, String method, Object... arguments) throws Exception {
        Class<?>[] types = new Class<?>[arguments.length];
        java.util.Arrays.fill(types, String.class);
        return target.getClass().getMethod(method, types).invoke(target, arguments);
    }

    private static Object message(Example example, String type, Object... components) throws Exception {
        Constructor<?> constructor = example.classes().load(PACKAGE + type).getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return constructor.newInstance(components);
    }
}
