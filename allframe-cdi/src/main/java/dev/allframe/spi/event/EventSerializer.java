package dev.allframe.spi.event;

/**
 * Turns events, metadata and snapshot states into JSON text and back, for stores that keep JSON. The JPA
 * store uses JSON-B by default and takes another serializer in its constructor.
 */
public interface EventSerializer {

    String toJson(Object value);

    <T> T fromJson(String json, Class<T> type);
}
