package dev.allframe.cdi.error.openevents;

import dev.allframe.command.StreamId;

/** The commands of {@link OpenReturns}, one per handler. */
public final class Command {

    private Command() {
    }

    public record One(@StreamId String id) {
    }

    public record Two(@StreamId String id) {
    }

    public record Three(@StreamId String id) {
    }

    public record Four(@StreamId String id) {
    }

    public record Five(@StreamId String id) {
    }

    public record Six(@StreamId String id) {
    }

    public record Seven(@StreamId String id) {
    }
}
