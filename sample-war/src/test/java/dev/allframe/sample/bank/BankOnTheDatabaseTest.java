package dev.allframe.sample.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.query.QueryBus;
import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import dev.allframe.test.TestStore;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The bank on the JPA store it uses in production, on an H2 database of the test's own (its persistence unit
 * "bank" is the server's; the test kit gives the store a database instead): events go through JSON and back.
 */
@AllFrameTest(store = TestStore.H2)
class BankOnTheDatabaseTest {

    @Inject
    AllFrameFixture fixture;

    @Inject
    QueryBus queries;

    @Test
    void depositsTransfersAndViewsOnTheDatabase() {
        fixture.givenCommands(new OpenAccount("A", "Ada"), new OpenAccount("B", "Bob"),
                new Deposit("A", new BigDecimal("12.34")));

        fixture.whenSaga(Transfer.SAGA, new Transfer("A", "B", new BigDecimal("2.34"))).thenCompleted();
        fixture.awaitProjections();

        assertThat(queries.query(new GetAccount("A")).orElseThrow().balance()).isEqualByComparingTo("10.00");
        assertThat(queries.query(new GetAccount("B")).orElseThrow().balance()).isEqualByComparingTo("2.34");
        assertThat(fixture.events("B")).containsExactly(new AccountOpened("B", "Bob"),
                new MoneyDeposited("B", new BigDecimal("2.34")));
    }
}
