package dev.allframe.core.dispatch;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which states nothing can change once folded: records whose components are values (primitives and their boxes,
 * strings, big numbers, UUIDs, the value types of {@code java.time}, enums) or such records again, directly or through
 * a sealed interface whose permitted records are. A state with any other component (a collection, an array, a
 * mutable class) or of a class that is not a record may be changed by a handler or by a {@code void} {@code @Apply}
 * method, so it is never kept between commands.
 */
final class ImmutableStates {

    private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
            UUID.class, Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class,
            OffsetTime.class, ZonedDateTime.class, Duration.class, Period.class, Year.class, YearMonth.class,
            MonthDay.class, ZoneOffset.class, DayOfWeek.class, Month.class);

    private static final ClassValue<Boolean> IMMUTABLE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return immutable(type, new HashSet<>());
        }
    };

    private ImmutableStates() {
    }

    /** Whether an object of exactly this class can never change. */
    static boolean immutable(Class<?> type) {
        return IMMUTABLE.get(type);
    }

    private static boolean immutable(Class<?> type, Set<Class<?>> visiting) {
        if (type.isPrimitive() || type.isEnum() || VALUES.contains(type)) {
            return true;
        }
        if (!visiting.add(type)) {
            return true; // a record that holds itself: decided by its other components
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!immutable(component.getType(), visiting)) {
                    return false;
                }
            }
            return true;
        }
        if (type.isInterface() && type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                if (!immutable(permitted, visiting)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
