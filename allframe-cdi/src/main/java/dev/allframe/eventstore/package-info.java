/**
 * The event-store SPI: role interfaces a store implements ({@link dev.allframe.eventstore.EventStore}
 * composes them), the append condition and the values that cross the boundary.
 */
package dev.allframe.eventstore;
