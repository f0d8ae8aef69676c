package dev.allframe.core.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.EventStoreException;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.Problems;
import dev.allframe.event.EventType;
import dev.allframe.event.JsonUpcaster;
import dev.allframe.event.Upcaster;
import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upcasting events held as objects: a failing upcaster, and a JSON upcaster that needs the stored JSON. */
class UpcastingFailuresTest {

    @EventType(name = "Deposited", version = 1)
    record DepositedV1(String account, long cents) {
    }

    @EventType(name = "Deposited", version = 2)
    record Deposited(String account, BigDecimal amount) {
    }

    static class ClassUpcasters {
        @Upcaster
        Deposited toV2(DepositedV1 old) {
            if (old.cents() < 0) {
                throw new IllegalArgumentException("negative deposit " + old.cents());
            }
            return new Deposited(old.account(), BigDecimal.valueOf(old.cents(), 2));
        }
    }

    static class JsonUpcasters {
        @JsonUpcaster(type = "Deposited", from = 1)
        JsonObject toV2(JsonObject old) {
            return old;
        }
    }

    @Test
    void aFailingUpcasterNamesItselfTheEventAndTheCause() throws Exception {
        Upcasting upcasting = upcasting(ClassUpcasters.class, new UpcasterMethod(ClassUpcasters.class,
                ClassUpcasters.class.getDeclaredMethod("toV2", DepositedV1.class), null, 0));

        assertThat(upcasting.upcast(new DepositedV1("A", 1234))).isEqualTo(new Deposited("A", new BigDecimal("12.34")));
        assertThatThrownBy(() -> upcasting.upcast(new DepositedV1("A", -5)))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF1128: Upcaster dev.allframe.core.version.UpcastingFailuresTest$ClassUpcasters"
                        + "#toV2(DepositedV1) failed on event 'Deposited' version 1:"
                        + " java.lang.IllegalArgumentException: negative deposit -5")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventHeldAsAnObjectCannotGoThroughAJsonUpcaster() throws Exception {
        Method toV2 = JsonUpcasters.class.getDeclaredMethod("toV2", JsonObject.class);
        Upcasting upcasting = upcasting(JsonUpcasters.class,
                new UpcasterMethod(JsonUpcasters.class, toV2, "Deposited", 1));

        assertThatThrownBy(() -> upcasting.upcast(new DepositedV1("A", 1234)))
                .isInstanceOf(EventStoreException.class)
                .hasMessage("AF1127: Event 'Deposited' version 1 is held as an object, but its upcaster"
                        + " dev.allframe.core.version.UpcastingFailuresTest$JsonUpcasters#toV2(JsonObject) works on"
                        + " JSON; only a store that keeps JSON can bring it up to date");
    }

    private static Upcasting upcasting(Class<?> beanClass, UpcasterMethod method) throws Exception {
        EventTypeRegistry registry = EventTypeRegistry.of(List.of(DepositedV1.class, Deposited.class));
        Problems problems = new Problems();
        VersionGraph graph = VersionGraphBuilder.build(registry, List.of(method), problems);
        assertThat(problems.messages()).isEmpty();
        Object target = beanClass.getDeclaredConstructor().newInstance();
        return new Upcasting(registry, graph, type -> target);
    }
}
