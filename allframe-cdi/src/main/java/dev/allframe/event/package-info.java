/**
 * Event types and their versions: the stored name and schema version of an event class
 * ({@link dev.allframe.event.EventType}), upcasters that bring older versions up to date, and the
 * {@link dev.allframe.event.VersionRegistry} that lists them.
 */
package dev.allframe.event;
