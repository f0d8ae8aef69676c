/**
 * Internal: AllFrame's configuration keys and their parsing, independent of where values come from.
 */
package dev.allframe.core.config;
