package dev.allframe.core.message;

import static dev.allframe.AllFrameMessage.describe;
import static dev.allframe.core.message.Texts.list;
import static dev.allframe.core.message.Texts.listOrNone;

import dev.allframe.AllFrameMessage;
import dev.allframe.EventEnvelope;
import dev.allframe.MessageTemplate;
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
}
