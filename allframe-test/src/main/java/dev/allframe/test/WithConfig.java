package dev.allframe.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * MicroProfile Config values for an {@link AllFrameTest}, each {@code "key=value"}: on the class for all its tests,
 * on a method for that test (over the class's). They override every other source, the application's
 * {@code microprofile-config.properties}, system properties and the environment included.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(WithConfig.List.class)
public @interface WithConfig {

    /** {@code "key=value"} pairs. */
    String[] value();

    /** Several {@link WithConfig}s on one element. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {

        WithConfig[] value();
    }
}
