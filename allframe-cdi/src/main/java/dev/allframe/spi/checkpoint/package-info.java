/** Where async projections keep how far they have read the global log. */
package dev.allframe.spi.checkpoint;
