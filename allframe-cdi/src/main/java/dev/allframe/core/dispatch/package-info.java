/**
 * Internal: the command and query buses, without CDI.
 */
package dev.allframe.core.dispatch;
