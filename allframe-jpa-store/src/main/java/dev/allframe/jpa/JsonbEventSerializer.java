package dev.allframe.jpa;

import dev.allframe.jpa.internal.RecordReader;
import dev.allframe.jpa.internal.RecordVisibility;
import dev.allframe.jpa.internal.RecordWriter;
import dev.allframe.spi.event.EventSerializer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/**
 * JSON through Jakarta JSON Binding. JavaBeans work as JSON-B maps them. Records work whatever their visibility
 * (package-private, nested, protected or private): JSON-B reaches only public accessors and constructors, so this
 * serializer writes a record as an object of its components, in name order and without the {@code null} ones, and
 * reads it through its canonical constructor, which is what JSON-B does with a public record. Component values go
 * through JSON-B. A record's components may carry {@code @JsonbProperty} and {@code @JsonbTransient}; other JSON-B
 * annotations on a record are refused.
 */
public final class JsonbEventSerializer implements EventSerializer, AutoCloseable {

    private final Jsonb jsonb;

    public JsonbEventSerializer() {
        this(JsonbBuilder.create(new JsonbConfig().withSerializers(new RecordWriter())
                .withDeserializers(new RecordReader()).withPropertyVisibilityStrategy(new RecordVisibility())));
    }

    /** JSON through {@code jsonb} as it is configured: records of other than public classes need the mapping above. */
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
