package dev.allframe.sample.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.query.QueryBus;
import dev.allframe.test.AllFrameFixture;
import dev.allframe.test.AllFrameTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What clients read: the account views, kept by an async projection, answered by the queries. */
@AllFrameTest
class AccountViewsTest {

    @Inject
    AllFrameFixture fixture;

    @Inject
    QueryBus queries;

    @Test
    void theViewsFollowTheEvents() {
        fixture.givenCommands(new OpenAccount("A-1", "Ada"), new Deposit("A-1", new BigDecimal("25.50")),
                        new OpenAccount("A-2", "Grace"), new Withdraw("A-1", new BigDecimal("0.50")))
                .awaitProjections();

        assertThat(queries.query(new GetAccount("A-1"))).contains(new AccountView("A-1", "Ada",
                new BigDecimal("25.00")));
        assertThat(queries.query(new ListAccounts())).extracting(AccountView::id).containsExactly("A-1", "A-2");
        assertThat(queries.query(new GetAccount("A-3"))).isEmpty();
    }

    @Test
    void aRebuildGivesTheSameViews() {
        fixture.givenCommands(new OpenAccount("A-1", "Ada"), new Deposit("A-1", BigDecimal.ONE)).awaitProjections();

        fixture.rebuild(AccountViews.NAME);

        assertThat(queries.query(new ListAccounts())).containsExactly(new AccountView("A-1", "Ada", BigDecimal.ONE));
    }
}
