/**
 * Internal: the JPA store's entities, statements and messages. Not an API; it changes without notice.
 */
package dev.allframe.jpa.internal;
