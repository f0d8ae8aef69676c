package dev.allframe.jpa;

/**
 * Turns events, metadata and snapshot states into JSON text and back. The default uses JSON-B; an
 * application may pass its own to {@link JpaEventStore}.
 */
public interface EventSerializer {

    String toJson(Object value);

    <T> T fromJson(String json, Class<T> type);
}
