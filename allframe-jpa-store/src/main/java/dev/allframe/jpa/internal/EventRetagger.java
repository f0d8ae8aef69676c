package dev.allframe.jpa.internal;

import dev.allframe.EventEnvelope;
import dev.allframe.event.Tags;
import dev.allframe.spi.event.RetagEvents.RetagPage;
import dev.allframe.spi.event.StoreLimits;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Gives stored events other tags, in the caller's transaction: the tags on the event's row, and its rows in
 * {@code allframe_event_tags}, replaced together. The event itself is not touched.
 */
public final class EventRetagger {

    private final EventReader reader;

    public EventRetagger(EventReader reader) {
        this.reader = reader;
    }

    /**
     * Reads up to {@code maxCount} events after {@code afterPosition} and retags those whose tags are not
     * {@code tagsOf} of them.
     *
     * @throws dev.allframe.command.UnstorableValueException a tag no store keeps, naming the event's stream
     */
    public RetagPage retag(EntityManager em, long afterPosition, int maxCount,
                           Function<EventEnvelope, Set<String>> tagsOf) {
        List<EventEnvelope> events = reader.readAll(em, afterPosition, maxCount);
        int retagged = 0;
        for (EventEnvelope event : events) {
            Set<String> tags = Tags.copyOf(tagsOf.apply(event));
            if (tags.equals(event.tags())) {
                continue;
            }
            StoreLimits.checkTags(event.streamId(), tags);
            long position = event.globalPosition();
            em.find(EventRow.class, position).retag(TagsJson.write(tags));
            em.createQuery("delete from AllFrameEventTag t where t.globalPosition = :position")
                    .setParameter("position", position).executeUpdate();
            for (String tag : tags) {
                em.persist(new EventTagRow(tag, position, event.typeName()));
            }
            retagged++;
        }
        em.flush();
        long readTo = events.isEmpty() ? afterPosition : events.get(events.size() - 1).globalPosition();
        return new RetagPage(readTo, events.size(), retagged);
    }
}
