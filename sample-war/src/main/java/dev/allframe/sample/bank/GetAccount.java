package dev.allframe.sample.bank;

import dev.allframe.query.Query;
import java.util.Optional;

/** The account {@code accountId}, or nothing when it was never opened. */
public record GetAccount(String accountId) implements Query<Optional<AccountView>> {
}
