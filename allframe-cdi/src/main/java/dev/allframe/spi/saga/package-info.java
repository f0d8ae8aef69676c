/** Where sagas, their leases and their histories are kept. */
package dev.allframe.spi.saga;
