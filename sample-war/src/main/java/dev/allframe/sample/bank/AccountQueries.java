package dev.allframe.sample.bank;

import dev.allframe.EventEnvelope;
import dev.allframe.Handlers;
import dev.allframe.QueryHandler;
import dev.allframe.eventstore.EventStore;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers the read side by folding events from the event store on every query: one stream for an
 * account, the whole log for the list. That keeps the sample small and always up to date, at the cost of
 * reading every event to list the accounts; a projection that keeps the views as events arrive is the
 * way to answer these queries in a bank of any size.
 */
@Handlers
public class AccountQueries {

    private static final int PAGE = 500;

    @Inject
    EventStore events;

    @QueryHandler
    Optional<AccountView> account(GetAccount query) {
        AccountView view = null;
        long version = 0;
        List<EventEnvelope> page;
        do {
            page = events.readStream(query.accountId(), version + 1, PAGE);
            for (EventEnvelope envelope : page) {
                view = AccountView.next(view, (AccountEvent) envelope.event());
                version = envelope.streamVersion();
            }
        } while (page.size() == PAGE);
        return Optional.ofNullable(view);
    }

    @QueryHandler
    List<AccountView> accounts(ListAccounts query) {
        Map<String, AccountView> views = new LinkedHashMap<>();
        long position = 0;
        List<EventEnvelope> page;
        do {
            page = events.readAll(position, PAGE);
            for (EventEnvelope envelope : page) {
                if (envelope.event() instanceof AccountEvent event) {
                    views.compute(event.accountId(), (id, view) -> AccountView.next(view, event));
                }
                position = envelope.globalPosition();
            }
        } while (page.size() == PAGE);
        return List.copyOf(views.values());
    }
}
