/**
 * Internal: the user-facing messages of allframe-cdi's core, one class per area, each message a
 * {@link dev.allframe.MessageTemplate} constant named like its id with a typed factory beside it. Ids
 * AF1000-AF1099 are deployment problems, AF1100-AF1199 runtime errors and warnings, AF1200-AF1299 log lines;
 * the ranges file of the documentation says which area owns which ids.
 */
package dev.allframe.core.message;
