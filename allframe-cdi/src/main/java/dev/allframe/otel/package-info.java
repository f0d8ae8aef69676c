/**
 * Internal: AllFrame's traces through the OpenTelemetry API (a MicroProfile Telemetry server's, or the one of the
 * application's class path). Loaded only where that API is present. Not an API.
 */
package dev.allframe.otel;
