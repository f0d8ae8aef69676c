package dev.allframe.test;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException;
import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.command.QueryConflictException;
import dev.allframe.test.internal.EventTable;
import dev.allframe.test.internal.SameList;
import dev.allframe.test.internal.TestKitMessages;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a command did, for a test to expect: the events it stored, or its rejection, its violations, a conflict or
 * another failure. Each {@code then} method fails the test with a message naming the command, what was expected and
 * what happened, and returns this answer for further expectations.
 */
public final class CommandThen {

    private final AllFrameFixture fixture;
    private final Object command;
    private final CommandResult result;
    private final Throwable thrown;
    private final int attempts;

    CommandThen(AllFrameFixture fixture, Object command, CommandResult result, Throwable thrown, int attempts) {
        this.fixture = fixture;
        this.command = command;
        this.result = result;
        this.thrown = thrown;
        this.attempts = attempts;
    }

    /** The command stored exactly {@code expected}, in this order (compared with {@code equals}). */
    public CommandThen thenEvents(Object... expected) {
        List<Object> wanted = List.of(expected);
        List<Object> stored = stored("store " + (wanted.isEmpty() ? "no events" : "events"));
        SameList.require(wanted, stored, table -> TestKitMessages.otherEvents(subject(), table));
        return this;
    }

    /** The command succeeded and stored nothing. */
    public CommandThen thenNoEvents() {
        return thenEvents();
    }

    /** The handler rejected the command with exactly {@code reason}; nothing was stored. */
    public CommandThen thenRejected(String reason) {
        String expected = "be rejected with the reason '" + reason + "'";
        if (!(thrown instanceof CommandRejectedException rejected) || !rejected.reason().equals(reason)) {
            throw failure(expected);
        }
        return this;
    }

    /** Validation refused the command with exactly these violations, in any order. */
    public CommandThen thenViolations(Violation... expected) {
        List<Violation> wanted = List.of(expected);
        String expectation = "be refused as invalid with " + wanted;
        if (!(thrown instanceof CommandValidationException invalid)
                || invalid.violations().size() != wanted.size() || !invalid.violations().containsAll(wanted)) {
            throw failure(expectation);
        }
        return this;
    }

    /**
     * The command met a concurrency conflict that its retries did not overcome: its stream's version, or for a command
     * decided over queries, the events of its decision models, changed.
     */
    public CommandThen thenConflict() {
        if (!(thrown instanceof ConcurrencyConflictException) && !(thrown instanceof QueryConflictException)) {
            throw failure("meet a concurrency conflict");
        }
        return this;
    }

    /** The command failed with a {@code type} (or a subclass), which {@code assertions} may look at further. */
    public <T extends Throwable> CommandThen thenFailed(Class<T> type, Consumer<? super T> assertions) {
        if (!type.isInstance(thrown)) {
            throw failure("fail with " + type.getSimpleName());
        }
        assertions.accept(type.cast(thrown));
        return this;
    }

    public CommandThen thenFailed(Class<? extends Throwable> type) {
        return thenFailed(type, failure -> { });
    }

    /** The state of {@code streamId} now, as a handler taking {@code stateType} would see it, meets the assertions. */
    public <S> CommandThen thenState(String streamId, Class<S> stateType, Consumer<? super S> assertions) {
        assertions.accept(fixture.state(stateType, streamId));
        return this;
    }

    /** What the command bus answered; fails the test if the command failed. */
    public CommandResult result() {
        stored("succeed");
        return result;
    }

    /** What the command failed with, or {@code null} if it succeeded. */
    public Throwable thrown() {
        return thrown;
    }

    /** How many times the command's handler ran: 1, or more when the command was retried after a conflict. */
    public int attempts() {
        return attempts;
    }

    private List<Object> stored(String expectation) {
        if (thrown != null) {
            throw failure(expectation);
        }
        return result.events().stream().map(EventEnvelope::event).toList();
    }

    private AssertionError failure(String expectation) {
        String actual = thrown == null
                ? "it stored " + (result.events().isEmpty() ? "no events" : EventTable.list(
                        result.events().stream().map(EventEnvelope::event).toList()))
                : "it failed: " + describe(thrown);
        AssertionError error = new AssertionError(TestKitMessages.otherOutcome(subject(), expectation, actual)
                .toString());
        if (thrown != null) {
            error.initCause(thrown);
        }
        return error;
    }

    private String subject() {
        return "The command " + command;
    }

    static String describe(Throwable thrown) {
        return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }
}
