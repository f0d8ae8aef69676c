/**
 * Internal: turns handler methods and aggregate state types into checked, ready-to-call models.
 */
package dev.allframe.core.handler;
