package dev.allframe.core.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImmutableStatesTest {

    enum Status { OPEN, CLOSED }

    record Values(int a, long b, String c, BigDecimal d, UUID e, Instant f, Status g, Boolean h) {
    }

    record Nested(Values values, Nested next) {
    }

    sealed interface Shape permits Circle, Square {
    }

    record Circle(double radius) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    record WithShape(Shape shape) {
    }

    record WithList(List<String> items) {
    }

    record WithArray(int[] items) {
    }

    sealed interface Open permits Holder {
    }

    record Holder(StringBuilder text) implements Open {
    }

    record WithOpen(Open open) {
    }

    static final class Mutable {
        int count;
    }

    @Test
    void recordsOfValuesCannotChange() {
        assertThat(ImmutableStates.immutable(Values.class)).isTrue();
        assertThat(ImmutableStates.immutable(Nested.class)).isTrue();
        assertThat(ImmutableStates.immutable(WithShape.class)).isTrue();
        assertThat(ImmutableStates.immutable(Circle.class)).isTrue();
    }

    @Test
    void collectionsArraysAndClassesCanChange() {
        assertThat(ImmutableStates.immutable(WithList.class)).isFalse();
        assertThat(ImmutableStates.immutable(WithArray.class)).isFalse();
        assertThat(ImmutableStates.immutable(WithOpen.class)).isFalse();
        assertThat(ImmutableStates.immutable(Mutable.class)).isFalse();
    }
}
