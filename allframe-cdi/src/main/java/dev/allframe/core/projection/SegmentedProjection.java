package dev.allframe.core.projection;

import dev.allframe.AllFrameException;
import dev.allframe.core.message.ProjectionMessages;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ParkedRetry;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.spi.checkpoint.CheckpointStore;
import dev.allframe.spi.event.ReadAllEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An async projection split into segments, one tracking processor each: every segment reads the whole log, applies
 * the events of its own streams and checkpoints past all of them, and is taken by a node on its own. What is asked of
 * the projection is asked of every segment; its status is the sum of theirs; a position is reached once every segment
 * reached it. A rebuild resets the read model and every segment's checkpoint in one transaction where it is asked,
 * then each segment replays from the start wherever it runs.
 */
final class SegmentedProjection {

    private final BoundProjection whole;
    private final List<TrackingProcessor> segments;
    private final CheckpointStore checkpoints;
    private final ReadAllEvents log;
    private final String storeName;

    /** @param storeName how messages name the store keeping the checkpoints */
    SegmentedProjection(BoundProjection whole, List<TrackingProcessor> segments, CheckpointStore checkpoints,
                        ReadAllEvents log, String storeName) {
        this.whole = whole;
        this.storeName = storeName;
        this.segments = List.copyOf(segments);
        this.checkpoints = checkpoints;
        this.log = log;
    }

    String name() {
        return whole.name();
    }

    List<TrackingProcessor> segments() {
        return segments;
    }

    /**
     * The failure to stop {@code projection}'s processors at before they apply anything, when it ran with other
     * segments before and its segments now never did: their read model holds events they would apply again.
     *
     * @param keys the keys of its segments now (its name, when it is not split)
     */
    static Optional<ProjectionStatus.Failure> changedSegments(CheckpointStore checkpoints, String projection,
                                                              List<String> keys) {
        Map<String, Long> found = checkpoints.checkpoints(projection);
        boolean unused = keys.stream().allMatch(key -> found.getOrDefault(key, 0L) == 0);
        String others = found.entrySet().stream()
                .filter(e -> !keys.contains(e.getKey()) && e.getValue() > 0
                        && Segment.belongsTo(e.getKey(), projection))
                .map(e -> e.getKey() + " at " + e.getValue()).collect(Collectors.joining(", "));
        if (!unused || others.isEmpty()) {
            return Optional.empty();
        }
        String now = keys.size() == 1 ? "whole projection" : keys.size() + " segments";
        return Optional.of(new ProjectionStatus.Failure(0, null, 0, null,
                ProjectionMessages.segmentsChanged(projection, others, now).toString()));
    }

    List<String> keys() {
        return segments.stream().map(TrackingProcessor::name).toList();
    }

    /** The projection's status: the lowest position and the first failure of its segments, each one's beside it. */
    ProjectionStatus status(long head) {
        List<ProjectionStatus> parts = segments.stream().map(segment -> segment.status(head)).toList();
        ProjectionStatus lowest = parts.stream().min(Comparator.comparingLong(ProjectionStatus::position))
                .orElseThrow();
        ProjectionStatus.Failure failure = parts.stream().map(ProjectionStatus::failure).filter(Objects::nonNull)
                .min(Comparator.comparingLong(ProjectionStatus.Failure::position)).orElse(null);
        ProjectionState state = failure != null ? ProjectionState.FAILED
                : parts.stream().anyMatch(p -> p.state() == ProjectionState.REBUILDING) ? ProjectionState.REBUILDING
                : parts.stream().anyMatch(p -> p.state() == ProjectionState.PAUSED) ? ProjectionState.PAUSED
                : ProjectionState.RUNNING;
        ProjectionStatus.RebuildProgress rebuild = state != ProjectionState.REBUILDING ? null
                : new ProjectionStatus.RebuildProgress(lowest.position(), parts.stream()
                        .map(ProjectionStatus::rebuild).filter(Objects::nonNull)
                        .mapToLong(ProjectionStatus.RebuildProgress::target).max().orElse(head));
        Set<String> owners = new TreeSet<>();
        parts.stream().map(ProjectionStatus::owner).filter(Objects::nonNull).forEach(owners::add);
        return new ProjectionStatus(name(), ProjectionMode.ASYNC, state, lowest.position(), lowest.lastEventTime(),
                head, failure, rebuild, parts.stream().mapToLong(ProjectionStatus::parked).sum(),
                owners.isEmpty() ? null : String.join(", ", owners), parts);
    }

    /**
     * Resets the read model and every segment's checkpoint (and those of segments it had before) in one
     * transaction, then has each segment replay up to today's head wherever it runs.
     */
    void rebuild() {
        if (!whole.resettable()) {
            throw new AllFrameException(ProjectionMessages.projectionNotRebuildable(name()));
        }
        long head = log.headPosition();
        Set<String> keys = new TreeSet<>(keys());
        checkpoints.checkpoints(name()).keySet().stream().filter(key -> Segment.belongsTo(key, name()))
                .forEach(keys::add);
        try {
            checkpoints.reset(keys, whole::reset);
        } catch (UnsupportedOperationException e) {
            throw new AllFrameException(ProjectionMessages.segmentsNotResettable(name(), segments.size(), storeName),
                    e);
        }
        segments.forEach(segment -> segment.replayAfterReset(head));
    }

    void pause() {
        segments.forEach(TrackingProcessor::pause);
    }

    void resume() {
        segments.forEach(TrackingProcessor::resume);
    }

    boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (TrackingProcessor segment : segments) {
            if (!segment.awaitPosition(position, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    /** Parks the event the first FAILED segment stopped at. */
    ParkedEvent skip(String operator, String reason) {
        long head = log.headPosition();
        for (TrackingProcessor segment : segments) {
            if (segment.status(head).state() == ProjectionState.FAILED) {
                return segment.skip(operator, reason);
            }
        }
        throw new AllFrameException(ProjectionMessages.skipNotFailed(name(), status(head).state().name()));
    }

    List<ParkedEvent> parked() {
        List<ParkedEvent> parked = new ArrayList<>();
        segments.forEach(segment -> parked.addAll(segment.parked()));
        parked.sort(Comparator.comparingLong(ParkedEvent::position));
        return parked;
    }

    /** Every segment's parked events again, or the one segment's that parked the event at {@code position}. */
    ParkedRetry retryParked(OptionalLong position) {
        if (position.isPresent()) {
            for (TrackingProcessor segment : segments) {
                if (segment.parked().stream().anyMatch(p -> p.position() == position.getAsLong())) {
                    return segment.retryParked(position);
                }
            }
            throw new AllFrameException(ProjectionMessages.noSuchParkedEvent(name(), position.getAsLong(),
                    parked().stream().map(ParkedEvent::position).toList()));
        }
        List<Long> applied = new ArrayList<>();
        List<ParkedEvent> still = new ArrayList<>();
        for (TrackingProcessor segment : segments) {
            ParkedRetry retry = segment.retryParked(position);
            applied.addAll(retry.applied());
            still.addAll(retry.stillParked());
        }
        applied.sort(Long::compare);
        still.sort(Comparator.comparingLong(ParkedEvent::position));
        return new ParkedRetry(applied, still);
    }
}
