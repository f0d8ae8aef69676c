package dev.allframe.sample.bank;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts as clients see them, kept up to date as events arrive. The views live in memory (the default read
 * model), so the projection is rebuilt from the log when the server starts.
 */
@Projection(AccountViews.NAME)
public class AccountViews {

    public static final String NAME = "account-views";

    private final Map<String, AccountView> views = new LinkedHashMap<>();

    @EventHandler
    synchronized void on(AccountEvent event) {
        views.compute(event.accountId(), (id, view) -> AccountView.next(view, event));
    }

    synchronized void reset() {
        views.clear();
    }

    public synchronized Optional<AccountView> find(String accountId) {
        return Optional.ofNullable(views.get(accountId));
    }

    public synchronized List<AccountView> all() {
        return List.copyOf(views.values());
    }
}
