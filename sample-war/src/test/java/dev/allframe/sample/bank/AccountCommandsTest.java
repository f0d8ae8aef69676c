package dev.allframe.sample.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import dev.allframe.test.Concurrent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The bank's rules, on its own beans and configuration, each test on an empty store. */
@AllFrameTest
class AccountCommandsTest {

    @Inject
    AllFrameFixture fixture;

    @Test
    void anAccountIsOpenedOnce() {
        fixture.when(new OpenAccount("A-1", "Ada")).thenEvents(new AccountOpened("A-1", "Ada"));
        fixture.when(new OpenAccount("A-1", "Grace")).thenRejected("account A-1 already exists");
    }

    @Test
    void aWithdrawalTakesWhatTheBalanceCovers() {
        fixture.given("A-1", new AccountOpened("A-1", "Ada"), new MoneyDeposited("A-1", new BigDecimal("100.00")))
                .when(new Withdraw("A-1", new BigDecimal("30.00")))
                .thenEvents(new MoneyWithdrawn("A-1", new BigDecimal("30.00")))
                .thenState("A-1", Account.class, account -> assertThat(account.balance()).isEqualByComparingTo("70"));

        fixture.when(new Withdraw("A-1", new BigDecimal("70.01"))).thenRejected("insufficient funds");
    }

    @Test
    void moneyGoesOnlyIntoOpenAccounts() {
        fixture.when(new Deposit("nobody", BigDecimal.TEN))
                .thenRejected("no account nobody")
                .thenFailed(UnknownAccountException.class, e -> assertThat(e.accountId()).isEqualTo("nobody"));
    }

    @Test
    void invalidCommandsAreRefusedBeforeAnyHandlerRuns() {
        fixture.when(new Deposit("A-1", new BigDecimal("-1.001"))).thenViolations(
                new Violation("amount", "must be greater than 0"),
                new Violation("amount", "must have at most 12 digits before the point and 2 after it"));
        fixture.when(new OpenAccount("A 1", " ")).thenViolations(
                new Violation("accountId", "must be 1 to 36 letters, digits or hyphens"),
                new Violation("owner", "must not be blank"));
    }

    @Test
    void aWithdrawalThatMeetsAConcurrentOneDecidesOnTheNewBalance() {
        fixture.given("A-1", new AccountOpened("A-1", "Ada"), new MoneyDeposited("A-1", new BigDecimal("100")));

        var then = fixture.whenConcurrently(new Withdraw("A-1", new BigDecimal("60")),
                        Concurrent.append("A-1", new MoneyWithdrawn("A-1", new BigDecimal("50"))))
                .thenRejected("insufficient funds");

        assertThat(then.attempts()).isEqualTo(2);
    }
}
