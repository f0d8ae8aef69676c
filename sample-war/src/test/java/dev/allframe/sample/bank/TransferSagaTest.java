package dev.allframe.sample.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.saga.SagaOutcome;
import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transfer saga: debit, credit, and the way back when the credit fails or never answers. */
@AllFrameTest(manualTime = true)
class TransferSagaTest {

    private static final BigDecimal TEN = new BigDecimal("10.00");

    private static void twoAccounts(AllFrameFixture fixture) {
        fixture.given("A", new AccountOpened("A", "Ada"), new MoneyDeposited("A", new BigDecimal("100.00")))
                .given("B", new AccountOpened("B", "Bob"));
    }

    @Test
    void aTransferMovesTheMoney(AllFrameFixture fixture) {
        twoAccounts(fixture);

        fixture.whenSaga(Transfer.SAGA, new Transfer("A", "B", TEN))
                .thenCompleted()
                .thenSteps("EXECUTE DebitSource SUCCEEDED", "EXECUTE CreditTarget SUCCEEDED")
                .thenEvents(new MoneyWithdrawn("A", TEN), new MoneyDeposited("B", TEN));
    }

    @Test
    void aTransferToAnUnknownAccountPutsTheMoneyBack(AllFrameFixture fixture) {
        twoAccounts(fixture);

        fixture.whenSaga(Transfer.SAGA, new Transfer("A", "nobody", TEN))
                .thenCompensated(2)
                .thenSteps("EXECUTE DebitSource SUCCEEDED", "EXECUTE CreditTarget FAILED",
                        "COMPENSATE CreditTarget SUCCEEDED", "COMPENSATE DebitSource SUCCEEDED")
                .thenCommands(new Withdraw("A", TEN), new Deposit("nobody", TEN), new Deposit("A", TEN))
                .thenEvents(new MoneyWithdrawn("A", TEN), new MoneyDeposited("A", TEN));

        assertThat(fixture.state(Account.class, "A").balance()).isEqualByComparingTo("100");
    }

    @Test
    void aCreditThatNeverAnswersTimesOutAndTheMoneyGoesBack(AllFrameFixture fixture) {
        twoAccounts(fixture);
        fixture.hangStep(CreditTarget.class);

        var then = fixture.whenSaga(Transfer.SAGA, new Transfer("A", "B", TEN))
                .thenCompensated(2)
                .thenEvents(new MoneyWithdrawn("A", TEN), new MoneyDeposited("A", TEN));

        assertThat(then.elapsed()).isEqualTo(Duration.ofSeconds(30));
        assertThat(((SagaOutcome.Compensated) then.outcome()).failure().message())
                .contains("AF1152: Step dev.allframe.sample.bank.CreditTarget did not finish within 30000 ms");
        assertThat(fixture.events("B")).containsExactly(new AccountOpened("B", "Bob"));
    }

    @Test
    void aDebitThatFailsLeavesBothAccountsAsTheyWere(AllFrameFixture fixture) {
        twoAccounts(fixture);
        fixture.failStep(DebitSource.class, new IllegalStateException("ledger unavailable"));

        fixture.whenSaga(Transfer.SAGA, new Transfer("A", "B", TEN)).thenCompensated(1).thenEvents();
    }
}
