/**
 * The in-memory event store: for tests, the quick start and the sample without a database.
 */
package dev.allframe.memory;
