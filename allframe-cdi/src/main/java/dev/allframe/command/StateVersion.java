package dev.allframe.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The version of an aggregate state type's fold, for its snapshots. A snapshot is used only while everything that
 * shapes the fold is as it was when the snapshot was written: the state type's fields, its {@link InitialState}
 * method and {@link Apply} methods, the event classes it folds and their upcasters. AllFrame sees all of these
 * except what a method's body does; when a body changes what the fold computes (an {@code @Apply} method, the
 * initial state, an upcaster), raise this version and every older snapshot of the type is ignored. Without the
 * annotation the version is 1. The value must be 1 or more, or the application does not deploy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StateVersion {

    /** The fold's version, 1 or more. */
    int value();
}
