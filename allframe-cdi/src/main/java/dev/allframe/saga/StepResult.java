package dev.allframe.saga;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a step's execution produced: an output later steps and the compensations can read
 * ({@link SagaContext#output}), and events for the saga to append.
 *
 * @param output  kept with the saga (as JSON in a database); {@code null} for none
 * @param appends events to append after the step succeeded, each list to its stream
 */
public record StepResult(Object output, List<Append> appends) {

    private static final StepResult NONE = new StepResult(null, List.of());

    public StepResult {
        appends = List.copyOf(appends);
    }

    /** Events for one stream. */
    public record Append(String streamId, List<Object> events) {

        public Append {
            requireNonNull(streamId, "streamId");
            events = List.copyOf(events);
        }
    }

    public static StepResult none() {
        return NONE;
    }

    /** A finished step without output, as the stage {@link Step#execute} returns. */
    public static CompletionStage<StepResult> done() {
        return NONE.stage();
    }

    public static StepResult output(Object output) {
        return new StepResult(requireNonNull(output, "output"), List.of());
    }

    /** This result with {@code events} appended to {@code streamId} once the step succeeded. */
    public StepResult append(String streamId, Object... events) {
        List<Append> more = new ArrayList<>(appends);
        more.add(new Append(streamId, Arrays.asList(events)));
        return new StepResult(output, more);
    }

    /** This result as a completed stage, for a step that did its work synchronously. */
    public CompletionStage<StepResult> stage() {
        return CompletableFuture.completedStage(this);
    }
}
