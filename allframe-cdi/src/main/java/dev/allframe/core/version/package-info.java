/**
 * Internal: event versions, the upcasters between them, their checks at deployment and the chains that
 * bring stored events to their newest version on read.
 */
package dev.allframe.core.version;
