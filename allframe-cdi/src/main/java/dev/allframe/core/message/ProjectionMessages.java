package dev.allframe.core.message;

import static dev.allframe.AllFrameMessage.describe;
import static dev.allframe.core.message.Texts.list;
import static dev.allframe.core.message.Texts.listOrNone;

import dev.allframe.AllFrameMessage;
import dev.allframe.EventEnvelope;
import dev.allframe.MessageTemplate;
import java.time.Duration;
import java.util.Collection;

/** Projections: deployment problems, failures while they run, and misuse of the registry. */
public final class ProjectionMessages {

    static final MessageTemplate AF1025 = new MessageTemplate("AF1025",
            "Projection name '%s' is used by %s beans, it needs exactly one: %s");
    static final MessageTemplate AF1026 = new MessageTemplate("AF1026",
            "Projection '%s' handler %s takes no event: an @EventHandler method takes the event and optionally"
            + " its EventEnvelope");
    static final MessageTemplate AF1027 = new MessageTemplate("AF1027",
            "Projection '%s' has %s handlers for %s, it needs at most one: %s");
    static final MessageTemplate AF1028 = new MessageTemplate("AF1028",
            "Projection '%s' handler %s must take the event and optionally its EventEnvelope, nothing else");
    static final MessageTemplate AF1029 = new MessageTemplate("AF1029",
            "Projection '%s' (%s) has no @EventHandler methods");
    static final MessageTemplate AF1030 = new MessageTemplate("AF1030",
            "Projection '%s' (%s) is @%s, but projections run outside requests: make it @ApplicationScoped or"
            + " @Dependent");
    static final MessageTemplate AF1061 = new MessageTemplate("AF1061",
            "Projection '%s' method %s is named like a handler, but is not annotated @EventHandler: annotate it,"
            + " or rename it if it is no handler");
    static final MessageTemplate AF1119 = new MessageTemplate("AF1119",
            "Projection '%s' failed on event %s at position %s (stream '%s', version %s) in %s: %s");
    static final MessageTemplate AF1120 = new MessageTemplate("AF1120",
            "Projection '%s' has no reset() method, so it cannot be rebuilt");
    static final MessageTemplate AF1121 = new MessageTemplate("AF1121",
            "Projection '%s' is inline; pause and resume apply to async projections");
    static final MessageTemplate AF1122 = new MessageTemplate("AF1122",
            "Projection '%s' is inline, but %s cannot run listeners inside its appends");
    static final MessageTemplate AF1123 = new MessageTemplate("AF1123",
            "No projection is named '%s'; projections: %s");
    static final MessageTemplate AF1124 = new MessageTemplate("AF1124",
            "Projection '%s' stopped at position %s after its retries: %s");
    static final MessageTemplate AF1125 = new MessageTemplate("AF1125",
            "Resetting projection '%s' failed: %s");
    static final MessageTemplate AF1126 = new MessageTemplate("AF1126",
            "Projection '%s' could not read or record its progress; it tries again");
    static final MessageTemplate AF1051 = new MessageTemplate("AF1051",
            "Projection '%s' (%s) declares %s segments; a projection has 1 to %s");
    static final MessageTemplate AF1052 = new MessageTemplate("AF1052",
            "Projection '%s' (%s) declares %s segments but is %s with readModel = %s: segments share the work on a"
            + " stored read model between nodes, so only an ASYNC projection with readModel = STORED has more than"
            + " one");
    static final MessageTemplate AF1172 = new MessageTemplate("AF1172",
            "Projection '%s' ran with other segments before (checkpoints %s), so its read model holds events its %s"
            + " would apply again: it starts once rebuilt (ProjectionRegistry.rebuild), or resumed if that read"
            + " model is empty");
    static final MessageTemplate AF1173 = new MessageTemplate("AF1173",
            "Projection '%s' is split into %s segments, but %s cannot reset their checkpoints together with the read"
            + " model (CheckpointStore.reset(Collection, Runnable)), so it cannot be rebuilt there: use a store"
            + " that can (jpa)");
    static final MessageTemplate AF1161 = new MessageTemplate("AF1161",
            "Projection '%s' (%s) is inline and onFailure = PARK; an inline projection's failure rolls its command"
            + " back, so only async projections park events");
    static final MessageTemplate AF1162 = new MessageTemplate("AF1162",
            "Async projections %s park failing events (onFailure = PARK), but %s keeps no dead letters: use a store"
            + " that does (jpa), define a DeadLetterStore bean beside the application's CheckpointStore bean, or make"
            + " them @Projection(onFailure = STOP)");
    static final MessageTemplate AF1163 = new MessageTemplate("AF1163",
            "Projection '%s' is %s, not FAILED: only a failed projection has an event to skip");
    static final MessageTemplate AF1164 = new MessageTemplate("AF1164",
            "Projection '%s' has no event parked at position %s; parked: %s");
    static final MessageTemplate AF1165 = new MessageTemplate("AF1165",
            "Projection '%s' parked the event at position %s after its retries (onFailure = PARK) and goes on: %s");
    static final MessageTemplate AF1166 = new MessageTemplate("AF1166",
            "Projection '%s': %s skipped the event at position %s (%s) and the projection goes on; it failed with: %s");
    static final MessageTemplate AF1167 = new MessageTemplate("AF1167",
            "Projection '%s' retried its parked events: applied %s; still parked %s");
    static final MessageTemplate AF1168 = new MessageTemplate("AF1168",
            "Projection '%s' is inline; skipping and parking events apply to async projections");
    static final MessageTemplate AF1169 = new MessageTemplate("AF1169",
            "Projection '%s' cannot park events: %s keeps no dead letters");
    static final MessageTemplate AF1170 = new MessageTemplate("AF1170",
            "Projection '%s' parked the event at position %s, but the log has no event there");
    static final MessageTemplate AF1192 = new MessageTemplate("AF1192",
            "Projection '%s': node %s no longer holds its lease (token %s), found at %s: another node took the"
            + " projection over, or the lease ran out while this node did not renew it; this node applies none of its"
            + " events until it takes the lease again");
    static final MessageTemplate AF1193 = new MessageTemplate("AF1193",
            "Node %s could not record that it stopped; the others take its projections once its leases ran out");
    static final MessageTemplate AF1203 = new MessageTemplate("AF1203",
            "Projection '%s' is applied on node %s now (lease token %s)");
    static final MessageTemplate AF1204 = new MessageTemplate("AF1204",
            "Projection '%s' handed over by node %s: another node takes it");
    static final MessageTemplate AF1205 = new MessageTemplate("AF1205",
            "Node %s hears of the other nodes' appends, batches and requests as they commit (database notifications)");
    static final MessageTemplate AF1194 = new MessageTemplate("AF1194",
            "Node %s stopped hearing of the other nodes' commits: its projections follow them at each poll, and it"
            + " listens again in %s");
    static final MessageTemplate AF1171 = new MessageTemplate("AF1171",
            "Skipping the event of projection '%s' needs the operator's name (up to 200 characters) and a reason, both"
            + " not blank");

    private ProjectionMessages() {
    }

    public static AllFrameMessage duplicateProjections(String name, Collection<String> beans) {
        return AF1025.with(name, beans.size(), list(beans));
    }

    public static AllFrameMessage projectionHandlerWithoutEvent(String projection, String site) {
        return AF1026.with(projection, site);
    }

    public static AllFrameMessage duplicateProjectionHandlers(String projection, Class<?> eventType,
                                                              Collection<String> sites) {
        return AF1027.with(projection, sites.size(), eventType.getName(), list(sites));
    }

    public static AllFrameMessage projectionHandlerParameters(String projection, String site) {
        return AF1028.with(projection, site);
    }

    public static AllFrameMessage projectionWithoutHandlers(String projection, Class<?> beanClass) {
        return AF1029.with(projection, beanClass.getName());
    }

    public static AllFrameMessage projectionScope(String projection, Class<?> beanClass, String scope) {
        return AF1030.with(projection, beanClass.getName(), scope);
    }

    public static AllFrameMessage unannotatedHandler(String projection, String site) {
        return AF1061.with(projection, site);
    }

    public static AllFrameMessage projectionFailed(String projection, EventEnvelope event, String site,
                                                   Throwable cause) {
        return AF1119.with(projection, event.typeName(), event.globalPosition(), event.streamId(),
                event.streamVersion(), site, describe(cause));
    }

    public static AllFrameMessage projectionNotRebuildable(String projection) {
        return AF1120.with(projection);
    }

    public static AllFrameMessage inlinePause(String projection) {
        return AF1121.with(projection);
    }

    public static AllFrameMessage noInlineSupport(String projection, String store) {
        return AF1122.with(projection, store);
    }

    public static AllFrameMessage noSuchProjection(String name, Collection<String> known) {
        return AF1123.with(name, listOrNone(known));
    }

    public static AllFrameMessage projectionStopped(String projection, long position, String cause) {
        return AF1124.with(projection, position, cause);
    }

    public static AllFrameMessage projectionResetFailed(String projection, Throwable cause) {
        return AF1125.with(projection, describe(cause));
    }

    public static AllFrameMessage projectionStoreFailed(String projection) {
        return AF1126.with(projection);
    }

    public static AllFrameMessage segmentCount(String projection, Class<?> beanClass, int segments, int max) {
        return AF1051.with(projection, beanClass.getName(), segments, max);
    }

    public static AllFrameMessage segmentsNotShared(String projection, Class<?> beanClass, int segments, String mode,
                                                    String readModel) {
        return AF1052.with(projection, beanClass.getName(), segments, mode, readModel);
    }

    /**
     * @param found    the checkpoints of the projection's other segments, by key
     * @param segments how the segments that would apply them again are described
     */
    public static AllFrameMessage segmentsChanged(String projection, String found, String segments) {
        return AF1172.with(projection, found, segments);
    }

    public static AllFrameMessage segmentsNotResettable(String projection, int segments, String store) {
        return AF1173.with(projection, segments, store);
    }

    public static AllFrameMessage inlineParking(String projection, Class<?> beanClass) {
        return AF1161.with(projection, beanClass.getName());
    }

    public static AllFrameMessage noDeadLetterStore(Collection<String> projections, String store) {
        return AF1162.with(list(projections), store);
    }

    public static AllFrameMessage skipNotFailed(String projection, String state) {
        return AF1163.with(projection, state);
    }

    public static AllFrameMessage noSuchParkedEvent(String projection, long position, Collection<Long> parked) {
        return AF1164.with(projection, position, listOrNone(parked.stream().map(String::valueOf).toList()));
    }

    public static AllFrameMessage eventParked(String projection, long position, String failure) {
        return AF1165.with(projection, position, failure);
    }

    public static AllFrameMessage eventSkipped(String projection, String operator, long position, String reason,
                                              String failure) {
        return AF1166.with(projection, operator, position, reason, failure);
    }

    public static AllFrameMessage parkedRetried(String projection, Collection<Long> applied, Collection<Long> parked) {
        return AF1167.with(projection, listOrNone(applied.stream().map(String::valueOf).toList()),
                listOrNone(parked.stream().map(String::valueOf).toList()));
    }

    public static AllFrameMessage inlineSkip(String projection) {
        return AF1168.with(projection);
    }

    public static AllFrameMessage noDeadLetters(String projection, String store) {
        return AF1169.with(projection, store);
    }

    public static AllFrameMessage parkedEventMissing(String projection, long position) {
        return AF1170.with(projection, position);
    }

    public static AllFrameMessage skipWithoutOperator(String projection) {
        return AF1171.with(projection);
    }

    public static AllFrameMessage leaseLost(String projection, String node, long token, String when) {
        return AF1192.with(projection, node, token, when);
    }

    public static AllFrameMessage projectionTaken(String projection, String node, long token) {
        return AF1203.with(projection, node, token);
    }

    public static AllFrameMessage projectionHandedOver(String projection, String node) {
        return AF1204.with(projection, node);
    }

    public static AllFrameMessage listeningToOtherNodes(String node) {
        return AF1205.with(node);
    }

    public static AllFrameMessage listeningLost(String node, Duration retry) {
        return AF1194.with(node, Texts.duration(retry));
    }

    public static AllFrameMessage nodeNotLeft(String node) {
        return AF1193.with(node);
    }
}
