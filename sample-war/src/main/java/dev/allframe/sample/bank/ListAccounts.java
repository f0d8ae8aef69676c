package dev.allframe.sample.bank;

import dev.allframe.query.Query;
import java.util.List;

/** Every account, in the order they were opened. */
public record ListAccounts() implements Query<List<AccountView>> {
}
