package dev.allframe.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.Query;
import dev.allframe.query.QueryBus;
import dev.allframe.spi.event.EventStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first application, compiled from its blocks as written and started in a CDI container: it prints
 * what the README says it prints, on the in-memory store and on the JPA store with H2 (the persistence unit and
 * configuration being the blocks the pages show).
 */
class FirstApplicationTest {

    private static final String PACKAGE = "com.example.bank.";

    @TempDir
    Path directory;

    @Test
    void onTheInMemoryStoreItPrintsWhatTheReadmeSays() throws Exception {
        Example bank = Example.of("bank", null, directory);

        bank.run(() -> {
            try (WeldContainer container = bank.start()) {
                assertThat(firstSteps(bank, container)).isEqualTo(readmeOutput());
                assertNothingStoredForTheRefusedCommands(bank, container);
            }
            return null;
        });
    }

    @Test
    void onTheJpaStoreItPrintsTheSameAndKeepsTheEventsForTheNextStart() throws Exception {
        Example bank = Example.of("bank", "bank-jpa", directory);

        bank.run(() -> {
            try (WeldContainer container = bank.start()) {
                assertThat(firstSteps(bank, container)).isEqualTo(readmeOutput());
                assertNothingStoredForTheRefusedCommands(bank, container);
            }
            try (WeldContainer restarted = bank.start()) {
                List<EventEnvelope> stream = restarted.select(EventStore.class).get().readStream("A-1", 1, 10);
                assertThat(stream).extracting(EventEnvelope::typeName).containsExactly("AccountEvent.Opened",
                        "AccountEvent.Deposited", "AccountEvent.Withdrawn", "AccountEvent.Deposited");
                assertThat(stream).extracting(envelope -> envelope.event().getClass().getName()).containsExactly(
                        PACKAGE + "AccountEvent$Opened", PACKAGE + "AccountEvent$Deposited",
                        PACKAGE + "AccountEvent$Withdrawn", PACKAGE + "AccountEvent$Deposited");
                assertThat(balanceAfter(bank, restarted, 4)).as("the projection replays the stored log at start")
                        .isEqualByComparingTo("71");
            }
            return null;
        });
    }

    private static String firstSteps(Example bank, WeldContainer container) throws Exception {
        Class<?> firstSteps = bank.classes().load(PACKAGE + "FirstSteps");
        Object application = container.select(firstSteps).get();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            firstSteps.getMethod("run", PrintStream.class).invoke(application, out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The rejected and the invalid command stored nothing: the next deposit is the stream's fourth event. */
    private static void assertNothingStoredForTheRefusedCommands(Example bank, WeldContainer container) throws Exception {
        CommandResult deposited = container.select(CommandBus.class).get()
                .dispatch(command(bank, "AccountCommand$Deposit", "A-1", BigDecimal.ONE));

        assertThat(deposited.streamVersion()).isEqualTo(4);
        assertThat(balanceAfter(bank, container, deposited.lastPosition())).isEqualByComparingTo("71");
    }

    private static BigDecimal balanceAfter(Example bank, WeldContainer container, long position) throws Exception {
        assertThat(container.select(ProjectionRegistry.class).get()
                .awaitPosition("balances", position, Duration.ofSeconds(10))).isTrue();
        @SuppressWarnings("unchecked")
        Query<BigDecimal> query = (Query<BigDecimal>) command(bank, "Balances$BalanceOf", "A-1");
        return container.select(QueryBus.class).get().query(query);
    }

    private static Object command(Example bank, String type, Object... components) throws Exception {
        Class<?> record = bank.classes().load(PACKAGE + type);
        Constructor<?> constructor = record.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return constructor.newInstance(components);
    }

    private static String readmeOutput() {
        List<Block> outputs = Pages.blocks(Path.of("README.md")).stream()
                .filter(block -> block.mark("output").filter("bank"::equals).isPresent()).toList();
        assertThat(outputs).as("the README's output block of the first application").hasSize(1);
        return outputs.get(0).text();
    }
}
