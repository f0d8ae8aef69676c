/**
 * The HTTP benchmark's baseline: the sample bank's endpoints doing the same durable work with plain JPA in JTA
 * transactions (a balance row updated and a ledger row inserted per change), without AllFrame.
 */
package dev.allframe.benchmarks.baseline;
