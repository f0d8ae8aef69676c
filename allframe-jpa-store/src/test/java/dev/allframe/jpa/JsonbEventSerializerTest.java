package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.jpa.internal.PlainJson;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbDateFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Records through the store's serializer: the JSON JSON-B writes for public records, whatever their visibility. */
class JsonbEventSerializerTest {

    public enum Kind { CASH, CARD }

    public record Item(String name, int quantity) {
    }

    public record Everything(String text, String absent, BigDecimal amount, Instant at, LocalDate day, UUID id,
                             Kind kind, char letter, int count, long big, double ratio, boolean flag,
                             Optional<String> present, Optional<String> empty, List<Item> items, Map<String, Item> byName,
                             Item item, Integer boxed) {
    }

    /** {@link Everything}, but not public: only the record mapping reaches it. */
    record Hidden(String text, String absent, BigDecimal amount, Instant at, LocalDate day, UUID id,
                  Kind kind, char letter, int count, long big, double ratio, boolean flag,
                  Optional<String> present, Optional<String> empty, List<Item> items, Map<String, Item> byName,
                  Item item, Integer boxed) {
    }

    record Renamed(@JsonbProperty("account_id") String accountId, @JsonbTransient String cached, int count) {
    }

    record Formatted(@JsonbDateFormat("yyyy") LocalDate day) {
    }

    public static class Bean {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private static final JsonbEventSerializer SERIALIZER = new JsonbEventSerializer();
    private static final JsonbEventSerializer PLAIN_JSONB = new JsonbEventSerializer(JsonbBuilder.create());

    @AfterAll
    static void close() throws Exception {
        SERIALIZER.close();
        PLAIN_JSONB.close();
    }

    @Test
    void aPublicRecordIsWrittenAsJsonbWritesItAndReadsWhatJsonbWrote() {
        Everything everything = new Everything("t", null, new BigDecimal("1.50"), Instant.parse("2024-01-02T03:04:05Z"),
                LocalDate.of(2024, 1, 2), UUID.fromString("6f1c2b8e-7d7c-4a51-9d37-1f0d3b1f2e4a"), Kind.CARD, 'x', 3,
                1L << 40, 0.25, true, Optional.of("p"), Optional.empty(), List.of(new Item("a", 1)),
                Map.of("b", new Item("b", 2)), new Item("c", 3), null);

        String json = SERIALIZER.toJson(everything);

        assertThat(json).isEqualTo(PLAIN_JSONB.toJson(everything));
        assertThat(SERIALIZER.fromJson(PLAIN_JSONB.toJson(everything), Everything.class)).isEqualTo(everything);
        assertThat(PLAIN_JSONB.fromJson(json, Everything.class)).isEqualTo(everything);
    }

    @Test
    void theRecordMappingWritesWhatJsonbWritesForAPublicRecordWhichGoesToJsonbItselfInAPublicClass() {
        Everything everything = new Everything("t", null, new BigDecimal("1.50"), Instant.parse("2024-01-02T03:04:05Z"),
                LocalDate.of(2024, 1, 2), UUID.fromString("6f1c2b8e-7d7c-4a51-9d37-1f0d3b1f2e4a"), Kind.CARD, 'x', 3,
                1L << 40, 0.25, true, Optional.of("p"), Optional.empty(), List.of(new Item("a", 1)),
                Map.of("b", new Item("b", 2)), new Item("c", 3), null);
        Hidden hidden = new Hidden("t", null, new BigDecimal("1.50"), Instant.parse("2024-01-02T03:04:05Z"),
                LocalDate.of(2024, 1, 2), UUID.fromString("6f1c2b8e-7d7c-4a51-9d37-1f0d3b1f2e4a"), Kind.CARD, 'x', 3,
                1L << 40, 0.25, true, Optional.of("p"), Optional.empty(), List.of(new Item("a", 1)),
                Map.of("b", new Item("b", 2)), new Item("c", 3), null);

        assertThat(PlainJson.mapsByItself(dev.allframe.jpa.projection.Credited.class)).isTrue();
        assertThat(PlainJson.mapsByItself(Everything.class)).as("in a class that is not public").isFalse();
        assertThat(PlainJson.mapsByItself(Hidden.class)).isFalse();
        assertThat(PlainJson.mapsByItself(Renamed.class)).isFalse();
        assertThat(PlainJson.mapsByItself(Bean.class)).isFalse();
        assertThat(SERIALIZER.toJson(hidden)).isEqualTo(PLAIN_JSONB.toJson(everything));
        assertThat(SERIALIZER.fromJson(PLAIN_JSONB.toJson(everything), Hidden.class)).isEqualTo(hidden);
    }

    @Test
    void componentsMissingFromTheJsonAreNullZeroOrEmpty() {
        Everything read = SERIALIZER.fromJson("{\"text\":\"t\",\"unknown\":{\"a\":[1,2]}}", Everything.class);

        assertThat(read).isEqualTo(new Everything("t", null, null, null, null, null, null, '\0', 0, 0, 0, false,
                Optional.empty(), Optional.empty(), null, null, null, null));
    }

    @Test
    void aRecordMayRenameAndLeaveOutComponents() {
        String json = SERIALIZER.toJson(new Renamed("A", "cache", 2));

        assertThat(json).isEqualTo("{\"account_id\":\"A\",\"count\":2}");
        assertThat(SERIALIZER.fromJson(json, Renamed.class)).isEqualTo(new Renamed("A", null, 2));
    }

    @Test
    void otherJsonbAnnotationsOnARecordAreRefused() {
        assertThatThrownBy(() -> SERIALIZER.toJson(new Formatted(LocalDate.of(2024, 1, 2))))
                .isInstanceOf(JsonbException.class)
                .hasMessageContaining("record dev.allframe.jpa.JsonbEventSerializerTest$Formatted carries"
                        + " @JsonbDateFormat, which AllFrame's JSON mapping of records does not apply (it applies"
                        + " @JsonbProperty and @JsonbTransient); use a class for such an event");
    }

    @Test
    void javaBeansAreMappedAsJsonbMapsThem() {
        Bean bean = new Bean();
        bean.setName("n");

        assertThat(SERIALIZER.toJson(bean)).isEqualTo("{\"name\":\"n\"}");
        assertThat(SERIALIZER.fromJson("{\"name\":\"m\"}", Bean.class).getName()).isEqualTo("m");
    }
}
