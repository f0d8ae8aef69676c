/**
 * AllFrame's API: what applications write and inject. This package holds what every feature shares: the base
 * exception {@link dev.allframe.AllFrameException} with its message id, the deployment exception, the
 * {@link dev.allframe.EventEnvelope} of a stored event and the {@link dev.allframe.Handlers} stereotype. Each
 * feature has a package of its own: {@code command}, {@code query}, {@code projection}, {@code saga} and
 * {@code event} (event types and versions). Stores implement the SPI in {@code dev.allframe.spi}.
 */
package dev.allframe;
