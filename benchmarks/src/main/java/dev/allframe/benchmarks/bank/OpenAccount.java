package dev.allframe.benchmarks.bank;

import dev.allframe.command.StreamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an account: the first command of each stream in the command-cycle workloads. */
public record OpenAccount(@StreamId @TargetAggregateIdentifier String accountId, String owner) {
}
