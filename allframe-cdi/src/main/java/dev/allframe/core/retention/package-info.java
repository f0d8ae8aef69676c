/**
 * Internal: retention without CDI: the job that removes, through the stores' SPI, the idempotency keys, closed
 * idempotency scopes and finished sagas whose time is up, and never what an unfinished saga may still use.
 */
package dev.allframe.core.retention;
