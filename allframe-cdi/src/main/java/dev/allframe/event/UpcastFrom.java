package dev.allframe.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on an event class that it is made from the previous version of the event by its own public
 * constructor, or public static {@code from} method, taking that version:
 * <pre>{@code
 * @EventType(version = 2)
 * @UpcastFrom(AccountOpenedV1.class)
 * public record AccountOpened(String accountId, String owner, String currency) {
 *     public static AccountOpened from(AccountOpenedV1 old) { return new AccountOpened(old.accountId(), old.owner(), "EUR"); }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface UpcastFrom {

    /** The previous version's class. */
    Class<?> value();
}
