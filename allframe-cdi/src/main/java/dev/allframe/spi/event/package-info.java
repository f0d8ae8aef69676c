/**
 * The event store's role interfaces ({@link dev.allframe.spi.event.EventStore} composes them), the append
 * condition and the values that cross the boundary.
 */
package dev.allframe.spi.event;
