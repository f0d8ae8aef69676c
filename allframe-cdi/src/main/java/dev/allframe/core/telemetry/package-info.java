/**
 * Internal: what AllFrame tells a tracing system about its work, as a seam the core calls without knowing which
 * system (if any) listens. Not an API.
 */
package dev.allframe.core.telemetry;
