/** Where projections keep the events they went past without applying them: their dead letters. */
package dev.allframe.spi.deadletter;
