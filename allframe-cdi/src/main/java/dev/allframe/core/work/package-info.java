/**
 * Internal: where AllFrame's work runs and how it waits. Every thread AllFrame uses comes from a
 * {@link dev.allframe.core.work.Workers} (the server's managed executors where there are some, AllFrame's own
 * bounded pools otherwise), and every wait goes through its {@link dev.allframe.core.work.Timer} and clock, so
 * that tests move time instead of sleeping.
 */
package dev.allframe.core.work;
