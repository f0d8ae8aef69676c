package dev.allframe.jpa;

import dev.allframe.jpa.internal.FlatRecordReader;
import dev.allframe.jpa.internal.PlainJson;
import dev.allframe.jpa.internal.RecordReader;
import dev.allframe.jpa.internal.RecordVisibility;
import dev.allframe.jpa.internal.RecordWriter;
import dev.allframe.spi.event.EventSerializer;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Optional;

/**
 * JSON through Jakarta JSON Binding. JavaBeans work as JSON-B maps them. Records work whatever their visibility
 * (package-private, nested, protected or private): JSON-B reaches only public accessors and constructors, so this
 * serializer writes a record as an object of its components, in name order and without the {@code null} ones, and
 * reads it through its canonical constructor, which is what JSON-B does with a public record. Component values go
 * through JSON-B. A record's components may carry {@code @JsonbProperty} and {@code @JsonbTransient}; other JSON-B
 * annotations on a record are refused. Public records that JSON-B maps by itself the same way go to JSON-B directly,
 * which is faster; flat ones (of strings, numbers and booleans) are read straight from the JSON parser where JSON-B
 * would read them the same way ({@link FlatRecordReader}), which is faster still.
 */
public final class JsonbEventSerializer implements EventSerializer, AutoCloseable {

    private final Jsonb jsonb;
    /** For the classes JSON-B maps by itself as the record mapping does ({@link PlainJson}); {@code null}: none. */
    private final Jsonb plain;

    public JsonbEventSerializer() {
        this(JsonbBuilder.create(new JsonbConfig().withSerializers(new RecordWriter())
                .withDeserializers(new RecordReader()).withPropertyVisibilityStrategy(new RecordVisibility())),
                JsonbBuilder.create());
    }

    /** JSON through {@code jsonb} as it is configured: records of other than public classes need the mapping above. */
    public JsonbEventSerializer(Jsonb jsonb) {
        this(jsonb, null);
    }

    private JsonbEventSerializer(Jsonb jsonb, Jsonb plain) {
        this.jsonb = jsonb;
        this.plain = plain;
    }

    @Override
    public String toJson(Object value) {
        return value != null && plain != null && PlainJson.mapsByItself(value.getClass()) ? plain.toJson(value)
                : jsonb.toJson(value);
    }

    @Override
    public <T> T fromJson(String json, Class<T> type) {
        if (plain == null || !PlainJson.mapsByItself(type)) {
            return jsonb.fromJson(json, type);
        }
        Optional<FlatRecordReader> flat = FlatRecordReader.of(type);
        if (flat.isPresent()) {
            Object read = flat.get().read(json);
            if (read != FlatRecordReader.NOT_READ) {
                return type.cast(read);
            }
        }
        return plain.fromJson(json, type);
    }

    @Override
    public void close() throws Exception {
        try {
            jsonb.close();
        } finally {
            if (plain != null) {
                plain.close();
            }
        }
    }
}
