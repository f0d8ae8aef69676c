/**
 * Internal: sagas without CDI: their models, the runs that execute and compensate steps, the stored state
 * and the recovery of sagas a stopped process left unfinished.
 */
package dev.allframe.core.saga;
