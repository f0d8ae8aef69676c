package dev.allframe.jpa;

import dev.allframe.spi.event.EventSerializer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** JSON through Jakarta JSON Binding; records and JavaBeans work as JSON-B maps them. */
public final class JsonbEventSerializer implements EventSerializer, AutoCloseable {

    private final Jsonb jsonb;

    public JsonbEventSerializer() {
        this(JsonbBuilder.create());
    }

    public JsonbEventSerializer(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    @Override
    public String toJson(Object value) {
        return jsonb.toJson(value);
    }

    @Override
    public <T> T fromJson(String json, Class<T> type) {
        return jsonb.fromJson(json, type);
    }

    @Override
    public void close() throws Exception {
        jsonb.close();
    }
}
