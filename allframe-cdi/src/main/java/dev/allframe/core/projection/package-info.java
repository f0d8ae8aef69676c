/**
 * Internal: projections without CDI: their models, the inline feed and the tracking processors.
 */
package dev.allframe.core.projection;
