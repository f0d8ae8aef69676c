package dev.allframe.jpa.internal;

import dev.allframe.event.Tags;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An event's tags in its row: a JSON array of strings, written and read with Jakarta JSON Processing. */
final class TagsJson {

    /** Looked up once: each {@code Json.create...} call looks the provider up again through the service loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private TagsJson() {
    }

    /** {@code null} for no tags, which is how the rows of untagged events keep them. */
    static String write(Set<String> tags) {
        return tags.isEmpty() ? null : JSON.createArrayBuilder(List.copyOf(tags)).build().toString();
    }

    /**
     * @throws IllegalArgumentException the text is no JSON array of strings
     */
    static Set<String> read(String json) {
        if (json == null) {
            return Set.of();
        }
        JsonArray array;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            array = reader.readArray();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the tags are no JSON array: " + e.getMessage(), e);
        }
        List<String> tags = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            if (!(value instanceof JsonString text)) {
                throw new IllegalArgumentException("the tags hold " + value + ", which is no string");
            }
            tags.add(text.getString());
        }
        return Tags.copyOf(tags);
    }
}
