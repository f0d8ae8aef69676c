package dev.allframe.benchmarks.bank;

import dev.allframe.command.StreamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A deposit: needs the account's state, folded from its stream. */
public record Deposit(@StreamId @TargetAggregateIdentifier String accountId, long amountCents) {
}
