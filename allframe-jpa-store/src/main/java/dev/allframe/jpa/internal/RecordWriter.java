package dev.allframe.jpa.internal;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Writes a record of any visibility as a JSON object of its components, leaving out those that are {@code null} or
 * empty optionals, as JSON-B does with a public record by default; each component's value goes through the JSON-B
 * context.
 */
public final class RecordWriter implements JsonbSerializer<Record> {

    @Override
    public void serialize(Record record, JsonGenerator generator, SerializationContext context) {
        generator.writeStartObject();
        for (RecordShape.Component component : RecordShape.of(record.getClass()).written()) {
            Object value = component.valueOf(record);
            if (present(value)) {
                context.serialize(component.property(), value, generator);
            }
        }
        generator.writeEnd();
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof Optional<?> optional && optional.isEmpty())
                && !(value instanceof OptionalInt optional && optional.isEmpty())
                && !(value instanceof OptionalLong optional && optional.isEmpty())
                && !(value instanceof OptionalDouble optional && optional.isEmpty());
    }
}
