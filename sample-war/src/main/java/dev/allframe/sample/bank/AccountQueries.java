package dev.allframe.sample.bank;

import dev.allframe.Handlers;
import dev.allframe.query.QueryHandler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Answers the read side from the {@link AccountViews} projection. */
@Handlers
public class AccountQueries {

    @Inject
    AccountViews views;

    @QueryHandler
    Optional<AccountView> account(GetAccount query) {
        return views.find(query.accountId());
    }

    @QueryHandler
    List<AccountView> accounts(ListAccounts query) {
        return views.all();
    }
}
