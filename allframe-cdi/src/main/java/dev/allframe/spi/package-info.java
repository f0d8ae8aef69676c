/**
 * The store SPI: an {@link dev.allframe.spi.EventStoreProvider} builds a store and says which roles it
 * supports. The roles live in the packages below: {@code event} (the event store proper), {@code checkpoint}
 * (positions of async projections), {@code snapshot} (aggregate states) and {@code saga} (saga state and
 * history).
 */
package dev.allframe.spi;
