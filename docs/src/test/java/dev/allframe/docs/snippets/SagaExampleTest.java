package dev.allframe.docs.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.command.CommandBus;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.query.Query;
import dev.allframe.query.QueryBus;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer saga of docs/guide/sagas.md, compiled from its blocks with the README's bank and run on the in-memory
 * store: it completes, and it is undone as the page says when the credit or the debit is refused.
 */
class SagaExampleTest {

    private static final String PACKAGE = "com.example.bank.";

    @TempDir
    Path directory;

    @Test
    void aTransferCompletesOrIsUndoneAsThePageSays() throws Exception {
        Example sagas = Example.of("sagas", null, directory);

        sagas.run(() -> {
            try (WeldContainer container = sagas.start()) {
                CommandBus commands = container.select(CommandBus.class).get();
                commands.dispatch(message(sagas, "AccountCommand$Open", "A-1", "Ada"));
                commands.dispatch(message(sagas, "AccountCommand$Deposit", "A-1", new BigDecimal("100")));

                assertThat(transfer(sagas, container, "A-1", "B-2", "30"))
                        .as("B-2 does not exist: the credit is refused, the debit compensated")
                        .startsWith("undone: AF1141: Step 2 'CreditTarget' of saga 'transfer' (")
                        .endsWith("AF1109: Command rejected: no account B-2");
                assertThat(balance(sagas, container, "A-1")).isEqualByComparingTo("100");

                commands.dispatch(message(sagas, "AccountCommand$Open", "B-2", "Grace"));
                assertThat(transfer(sagas, container, "A-1", "B-2", "30")).isEqualTo("done");
                assertThat(balance(sagas, container, "A-1")).isEqualByComparingTo("70");
                assertThat(balance(sagas, container, "B-2")).isEqualByComparingTo("30");

                assertThat(transfer(sagas, container, "A-1", "B-2", "500"))
                        .as("the debit is refused and has nothing to undo")
                        .startsWith("undone: AF1141: Step 1 'DebitSource' of saga 'transfer' (")
                        .endsWith("AF1109: Command rejected: insufficient funds");
                assertThat(balance(sagas, container, "A-1")).isEqualByComparingTo("70");
                assertThat(balance(sagas, container, "B-2")).isEqualByComparingTo("30");
            }
            return null;
        });
    }

    private static String transfer(Example sagas, WeldContainer container, String from, String to, String amount)
            throws Exception {
        Class<?> transfers = sagas.classes().load(PACKAGE + "Transfers");
        return (String) transfers.getMethod("transfer", String.class, String.class, BigDecimal.class)
                .invoke(container.select(transfers).get(), from, to, new BigDecimal(amount));
    }

    private static BigDecimal balance(Example sagas, WeldContainer container, String accountId) throws Exception {
        ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
        long head = projections.status("balances").head();
        assertThat(projections.awaitPosition("balances", head, Duration.ofSeconds(10))).isTrue();
        @SuppressWarnings("unchecked")
        Query<BigDecimal> query = (Query<BigDecimal>) message(sagas, "Balances$BalanceOf", accountId);
        return container.select(QueryBus.class).get().query(query);
    }

    private static Object message(Example sagas, String type, Object... components) throws Exception {
        Constructor<?> constructor = sagas.classes().load(PACKAGE + type).getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return constructor.newInstance(components);
    }
}
