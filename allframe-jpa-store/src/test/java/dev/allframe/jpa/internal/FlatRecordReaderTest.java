package dev.allframe.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The flat record reader reads what JSON-B reads, or leaves the JSON to JSON-B: every value it reads equals JSON-B's,
 * for records JSON-B wrote (random values, escapes, extremes) and for JSON it did not (missing, null, unknown, of
 * another kind, out of range).
 */
public class FlatRecordReaderTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** A flat record with every kind of component the reader takes. */
    public record Flat(String text, int count, long total, boolean flag, double ratio, Integer maybe, Long big,
                       Boolean yes, Double score, BigDecimal amount) {
    }

    /** A flat record whose constructor refuses some values. */
    public record Checked(String name, int amount) {

        public Checked {
            if (amount < 0) {
                throw new IllegalArgumentException("negative");
            }
        }
    }

    /** Not flat: a list. */
    public record WithList(String name, List<String> tags) {
    }

    /** Not flat: another record inside. */
    public record Nested(String name, Checked inner) {
    }

    /** Not plain: a JSON-B annotation. */
    public record Renamed(@JsonbProperty("n") String name) {
    }

    record Hidden(String name) {
    }

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void whatJsonbWroteOfRandomValuesIsReadBackAsJsonbReadsIt() {
        Random random = new Random(20261205);
        FlatRecordReader reader = FlatRecordReader.of(Flat.class).orElseThrow();
        for (int i = 0; i < 2_000; i++) {
            Flat flat = new Flat(text(random), random.nextInt(), random.nextLong(), random.nextBoolean(),
                    i % 50 == 0 ? Double.MIN_VALUE : random.nextDouble() * Math.pow(10, random.nextInt(40) - 20),
                    random.nextBoolean() ? null : random.nextInt(), random.nextBoolean() ? null : Long.MIN_VALUE + i,
                    random.nextBoolean() ? null : random.nextBoolean(),
                    random.nextBoolean() ? null : -random.nextDouble(),
                    random.nextBoolean() ? null : new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(10)));
            String json = JSONB.toJson(flat);

            Object read = reader.read(json);

            assertThat(read).as(json).isEqualTo(flat).isEqualTo(JSONB.fromJson(json, Flat.class));
        }
    }

    @Test
    void jsonThatJsonbDidNotWriteIsReadAsJsonbReadsItOrLeftToJsonb() {
        List<String> inputs = List.of(
                "{}",
                "{\"text\":\"a\",\"count\":1,\"total\":2,\"flag\":true,\"ratio\":0.5}",
                "{\"count\":1,\"total\":2,\"flag\":true}",
                "{\"text\":null,\"count\":1,\"total\":2,\"flag\":false,\"ratio\":1,\"maybe\":null}",
                "{\"text\":\"a\",\"count\":null,\"total\":2,\"flag\":true,\"ratio\":0.5}",
                "{\"text\":\"a\",\"count\":\"1\",\"total\":2,\"flag\":true,\"ratio\":0.5}",
                "{\"text\":\"a\",\"count\":1.5,\"total\":2,\"flag\":true,\"ratio\":0.5}",
                "{\"text\":\"a\",\"count\":3000000000,\"total\":2,\"flag\":true,\"ratio\":0.5}",
                "{\"text\":\"a\",\"count\":1e2,\"total\":2,\"flag\":true,\"ratio\":0.5}",
                "{\"text\":\"a\",\"count\":1,\"total\":2,\"flag\":\"true\",\"ratio\":0.5}",
                "{\"text\":1,\"count\":1,\"total\":2,\"flag\":true,\"ratio\":0.5}",
                "{\"text\":\"a\",\"count\":1,\"total\":2,\"flag\":true,\"ratio\":0.5,\"extra\":{\"x\":[1,{\"y\":2}]},"
                        + "\"more\":[[]],\"last\":null}",
                "{\"text\":\"first\",\"text\":\"second\",\"count\":1,\"total\":2,\"flag\":true,\"ratio\":0.5}",
                " { \"text\" : \"\\u00e9\\n\\\"\\\\\" , \"count\" : -0 , \"total\" : 9223372036854775807 ,"
                        + " \"flag\" : false , \"ratio\" : -1E-3 , \"amount\" : 1.50 } ",
                "{\"text\":\"a\",\"count\":1,\"total\":9223372036854775808,\"flag\":true,\"ratio\":0.5}",
                "{\"text\":\"a\",\"count\":1,\"total\":2,\"flag\":true,\"ratio\":\"NaN\"}",
                "{\"text\":\"a\",\"count\":1,\"total\":2,\"flag\":true,\"ratio\":0.5,\"amount\":\"1.5\"}",
                "{\"text\":\"a\",\"count\":1,\"total\":2,\"flag\":true,\"ratio\":0.5,\"maybe\":{}}",
                "[]",
                "{\"text\":\"a\",\"count\":1,\"total\":2,\"flag\":true,\"ratio\":0.5} {}");
        FlatRecordReader reader = FlatRecordReader.of(Flat.class).orElseThrow();
        List<String> readByItself = new ArrayList<>();
        for (String json : inputs) {
            Object read = reader.read(json);
            if (read != FlatRecordReader.NOT_READ) {
                assertThat(read).as(json).isEqualTo(JSONB.fromJson(json, Flat.class));
                readByItself.add(json);
            }
        }
        assertThat(readByItself).as("the exact shapes, not the others").containsExactly(inputs.get(1),
                inputs.get(3), inputs.get(11), inputs.get(12), inputs.get(13));
    }

    @Test
    void aConstructorThatRefusesTheValuesLeavesTheJsonToJsonb() {
        FlatRecordReader reader = FlatRecordReader.of(Checked.class).orElseThrow();

        assertThat(reader.read("{\"name\":\"a\",\"amount\":5}")).isEqualTo(new Checked("a", 5));
        assertThat(reader.read("{\"name\":\"a\",\"amount\":-5}")).isSameAs(FlatRecordReader.NOT_READ);
    }

    @Test
    void onlyPublicRecordsOfFlatComponentsWithoutJsonbAnnotationsAreReadByItself() {
        assertThat(FlatRecordReader.of(Flat.class)).isPresent();
        assertThat(FlatRecordReader.of(WithList.class)).isEmpty();
        assertThat(FlatRecordReader.of(Nested.class)).isEmpty();
        assertThat(FlatRecordReader.of(Renamed.class)).isEmpty();
        assertThat(FlatRecordReader.of(Hidden.class)).isEmpty();
        assertThat(FlatRecordReader.of(String.class)).isEmpty();
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(5);
            text.append(switch (kind) {
                case 0 -> (char) ('a' + random.nextInt(26));
                case 1 -> "\"\\/\n\t";
                case 2 -> (char) random.nextInt(32);
                case 3 -> "é€😀";
                default -> ' ';
            });
        }
        return text.toString();
    }
}
