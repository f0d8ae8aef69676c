/**
 * Internal: AllFrame's CDI-free engine. Not an API; it changes without notice.
 */
package dev.allframe.core;
