package dev.allframe.core.telemetry;

import dev.allframe.EventEnvelope;
import dev.allframe.projection.ProjectionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What AllFrame tells a tracing and metrics system about its work: a trace for each dispatch (with its append), each
 * batch a projection applies, each saga and each execution and compensation of its steps, each also counted and
 * timed; the projections' lag and parked events. The trace context of a command
 * travels with its events (in their metadata), so that the batches they are applied in link back to it on any thread
 * and any server. {@link #NONE} tells nothing and costs nothing.
 */
public interface Telemetry {

    /** No telemetry: every trace is the same object, which does nothing. */
    Telemetry NONE = new NoTelemetry();

    /** Attribute names AllFrame's traces carry. */
    String STREAM = "allframe.stream";
    String RETRIES = "allframe.command.retries";
    String FIRST_POSITION = "allframe.position.first";
    String LAST_POSITION = "allframe.position.last";
    /** The metadata key of the trace context, as W3C Trace Context names it. */
    String TRACEPARENT = "traceparent";

    /** Records on {@code append} the positions {@code events} were stored at. */
    static void appended(Trace append, List<EventEnvelope> events) {
        if (!events.isEmpty()) {
            append.attribute(FIRST_POSITION, events.get(0).globalPosition());
            append.attribute(LAST_POSITION, events.get(events.size() - 1).globalPosition());
        }
    }

    /** A command's dispatch, child of whatever trace is current on the calling thread. */
    CommandTrace command(Object command);

    /** A batch applied to {@code projection}, linked to the traces that stored its events. */
    Trace projectionBatch(String projection, List<EventEnvelope> events);

    /**
     * The events of one append applied to inline {@code projection} inside that append, child of the trace that
     * stored them (whichever thread writes the append).
     */
    Trace inlineProjection(String projection, List<EventEnvelope> events);

    /** A saga's run, child of the trace current where it was started. */
    Trace saga(String saga, UUID sagaId);

    /** One execution ({@code compensation} false) or compensation of a saga's step, child of the current trace. */
    Trace sagaStep(String saga, UUID sagaId, int step, String stepName, boolean compensation);

    /** {@code headers} with the current trace's context added, for the events a command stores. */
    Map<String, String> withContext(Map<String, String> headers);

    /** {@code executor}, running each task with the trace that was current where the task was handed over. */
    Executor propagating(Executor executor);

    /**
     * A component of AllFrame cannot go on: an {@code Error} ended its work (the JVM's, or a class that cannot load),
     * or its executor refused the work. Liveness is DOWN from then on.
     */
    void brokeDown(String component, Throwable cause);

    /** Whether {@code failure} is one a component does not recover from: {@link #brokeDown} is told of it. */
    static boolean breaksDown(Throwable failure) {
        return failure instanceof VirtualMachineError || failure instanceof LinkageError
                || failure instanceof RejectedExecutionException;
    }

    /** The store committed {@code appends} appends, of {@code events} events, together (group commit). */
    void appendsCommittedTogether(int appends, int events);

    /** This server took {@code projection}'s lease: at start, from a server that left, or after one's lease ran out. */
    void projectionTaken(String projection);

    /**
     * This server took over {@code saga}, which another process (or this one before a restart) left unfinished: the
     * trace of its recovery, linked to the trace it started in ({@code traceParent}, W3C; none when {@code null}).
     */
    Trace sagaRecovered(String saga, UUID sagaId, String traceParent);

    /** The W3C {@code traceparent} of the trace current on this thread; {@code null} when none is. */
    default String currentTraceParent() {
        return withContext(Map.of()).get(TRACEPARENT);
    }

    /**
     * Reports the projections' lag (in events and in the age of the oldest unapplied event) and parked events as they
     * are whenever they are read, until the handle is closed.
     */
    Scope observeProjections(Supplier<List<ProjectionStatus>> statuses, Function<ProjectionStatus, Duration> lagAge);

    /** A piece of work being traced. */
    interface Trace {

        /** Makes the trace current on this thread until the scope is closed (on this thread). */
        Scope activate();

        /** The work failed with {@code failure}. */
        void failed(Throwable failure);

        /** Records a named value of the work. */
        void attribute(String name, String value);

        void attribute(String name, long value);

        /**
         * What became of the work: for a command stored, nothing, duplicate, rejected, invalid, conflict or failed;
         * for a saga its end state.
         */
        void outcome(String outcome);

        /** The work ended. */
        void end();
    }

    /** A dispatch's trace, which knows what the command did. */
    interface CommandTrace extends Trace {

        /** The command met a concurrency conflict and is tried again, for the {@code attempt}th time (from 1). */
        void retried(int attempt);

        /** The command's id and correlation id, as its events carry them. */
        void ids(UUID commandId, String correlationId);

        /** An append of the dispatch, as a child trace: the stream, how many events, their positions. */
        Trace append(String streamId, int events);
    }

    /** While a trace is current. */
    interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
