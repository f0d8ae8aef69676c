package dev.allframe.jpa.internal;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Reads a record of any visibility from a JSON object through its canonical constructor. Each property's value is
 * read through the JSON-B context as its component's declared type; a property the record has no component for is
 * skipped, and a component without a property gets {@code null} (zero, {@code false} or an empty optional for those
 * types), as JSON-B does with a public record.
 */
public final class RecordReader implements JsonbDeserializer<Record> {

    @Override
    public Record deserialize(JsonParser parser, DeserializationContext context, Type type) {
        Class<?> recordClass = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        RecordShape shape = RecordShape.of(recordClass);
        Object[] arguments = shape.absentValues();
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                break;
            }
            if (event != JsonParser.Event.KEY_NAME) {
                throw new JsonbException("Expected a property of " + recordClass.getName() + ", found " + event);
            }
            RecordShape.Component component = shape.component(parser.getString());
            JsonParser.Event value = parser.next();
            if (component == null) {
                skip(parser, value);
            } else {
                Object read = value == JsonParser.Event.VALUE_NULL ? null : read(context, parser, shape, component,
                        type, recordClass);
                arguments[component.index()] = read == null ? component.absent() : read;
            }
        }
        return (Record) shape.construct(arguments);
    }

    private static Object read(DeserializationContext context, JsonParser parser, RecordShape shape,
                               RecordShape.Component component, Type type, Class<?> recordClass) {
        try {
            return context.deserialize(shape.readType(component, type), parser);
        } catch (JsonbException e) {
            throw new JsonbException("Property '" + component.property() + "' of " + recordClass.getName()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void skip(JsonParser parser, JsonParser.Event value) {
        if (value == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
        } else if (value == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
        }
    }
}
