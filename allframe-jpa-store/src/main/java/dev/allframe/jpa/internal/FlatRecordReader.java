package dev.allframe.jpa.internal;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a flat record (a public record that JSON-B maps by itself, {@link PlainJson}, whose components are strings,
 * {@code int}, {@code long}, {@code boolean}, {@code double}, their boxes or {@code BigDecimal}) straight from the JSON
 * parser, without JSON-B's machinery: the most common shape of an event, read back many times by projections. It reads
 * only what JSON-B would read the same way: the exact token for each component (a string for a string, an integral
 * number in range for an integer, ...), {@code null} for an object-typed component whose property is missing or null.
 * Anything else (a primitive without its property, a token of another kind, a constructor that refuses the values)
 * makes it answer {@link #NOT_READ}, and the caller reads the JSON with JSON-B, which then decides as it always did.
 */
public final class FlatRecordReader {

    /** What {@link #read} answers when JSON-B is to read the JSON instead. */
    public static final Object NOT_READ = new Object();

    private static final Set<Class<?>> FLAT = Set.of(String.class, int.class, long.class, boolean.class, double.class,
            Integer.class, Long.class, Boolean.class, Double.class, BigDecimal.class);
    private static final ClassValue<Optional<FlatRecordReader>> READERS = new ClassValue<>() {
        @Override
        protected Optional<FlatRecordReader> computeValue(Class<?> type) {
            return Optional.ofNullable(create(type));
        }
    };
    /** The JSON-P provider, {@code null} when none is found: then JSON-B reads everything. */
    private static final JsonProvider JSON = provider();

    private final Map<String, Integer> indexes = new HashMap<>();
    /** The components' names in JSON-B's default order (lexicographic): the order properties are looked for first. */
    private final String[] written;
    private final int[] writtenIndexes;
    private final Class<?>[] types;
    private final MethodHandle constructor;

    private FlatRecordReader(RecordComponent[] components, MethodHandle constructor) {
        this.types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        for (int i = 0; i < components.length; i++) {
            indexes.put(components[i].getName(), i);
        }
        this.written = indexes.keySet().stream().sorted().toArray(String[]::new);
        this.writtenIndexes = Arrays.stream(written).mapToInt(indexes::get).toArray();
        this.constructor = constructor;
    }

    /** The reader of {@code type}, empty when it is not a flat record. */
    public static Optional<FlatRecordReader> of(Class<?> type) {
        return READERS.get(type);
    }

    private static JsonProvider provider() {
        try {
            return JsonProvider.provider();
        } catch (RuntimeException | java.util.ServiceConfigurationError none) {
            return null;
        }
    }

    private static FlatRecordReader create(Class<?> type) {
        if (JSON == null || !type.isRecord() || !PlainJson.mapsByItself(type)) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        if (!Arrays.stream(components).allMatch(component -> FLAT.contains(component.getType()))) {
            return null;
        }
        try {
            Class<?>[] parameters = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            MethodHandle constructor = MethodHandles.publicLookup().findConstructor(type,
                    MethodType.methodType(void.class, parameters));
            return new FlatRecordReader(components, constructor.asSpreader(Object[].class, parameters.length)
                    .asType(MethodType.methodType(Object.class, Object[].class)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The record {@code json} holds, or {@link #NOT_READ}. */
    public Object read(String json) {
        Object[] values = new Object[types.length];
        boolean[] present = new boolean[types.length];
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return NOT_READ;
            }
            JsonParser.Event event;
            int next = 0;
            while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
                if (event != JsonParser.Event.KEY_NAME) {
                    return NOT_READ;
                }
                String name = parser.getString();
                Integer index = next < written.length && written[next].equals(name)
                        ? Integer.valueOf(writtenIndexes[next++]) : indexes.get(name);
                JsonParser.Event value = parser.next();
                if (index == null) {
                    skip(parser, value);
                    continue;
                }
                Object read = value(parser, value, types[index]);
                if (read == NOT_READ) {
                    return NOT_READ;
                }
                values[index] = read;
                present[index] = true;
            }
            if (parser.hasNext()) {
                return NOT_READ;
            }
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
            return NOT_READ;
        }
        for (int i = 0; i < types.length; i++) {
            if (!present[i] && types[i].isPrimitive()) {
                return NOT_READ;
            }
        }
        try {
            return constructor.invokeExact(values);
        } catch (Throwable refused) {
            return NOT_READ;
        }
    }

    private static Object value(JsonParser parser, JsonParser.Event value, Class<?> type) {
        if (value == JsonParser.Event.VALUE_NULL) {
            return type.isPrimitive() ? NOT_READ : null;
        }
        if (type == String.class) {
            return value == JsonParser.Event.VALUE_STRING ? parser.getString() : NOT_READ;
        }
        if (type == boolean.class || type == Boolean.class) {
            return value == JsonParser.Event.VALUE_TRUE ? Boolean.TRUE
                    : value == JsonParser.Event.VALUE_FALSE ? Boolean.FALSE : NOT_READ;
        }
        if (value != JsonParser.Event.VALUE_NUMBER) {
            return NOT_READ;
        }
        if (type == BigDecimal.class) {
            return parser.getBigDecimal();
        }
        if (type == double.class || type == Double.class) {
            return parser.getBigDecimal().doubleValue();
        }
        if (!parser.isIntegralNumber()) {
            return NOT_READ;
        }
        long whole;
        try {
            whole = Long.parseLong(parser.getString());
        } catch (NumberFormatException outOfRange) {
            return NOT_READ;
        }
        if (type == long.class || type == Long.class) {
            return whole;
        }
        return whole == (int) whole ? (Object) (int) whole : NOT_READ;
    }

    private static void skip(JsonParser parser, JsonParser.Event value) {
        if (value == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
        } else if (value == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
        }
    }
}
