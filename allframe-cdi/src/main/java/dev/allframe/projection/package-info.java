/**
 * Projections: {@link dev.allframe.projection.Projection} beans fed inline or asynchronously from the event
 * log, and the {@link dev.allframe.projection.ProjectionRegistry} that reports their status, pauses, resumes
 * and rebuilds them.
 */
package dev.allframe.projection;
