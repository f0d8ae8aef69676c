/** Where aggregate states are kept as snapshots, so that long streams are not folded from their start. */
package dev.allframe.spi.snapshot;
