/**
 * Sagas: {@link dev.allframe.saga.SagaStep} beans (or a produced {@link dev.allframe.saga.SagaDefinition}),
 * the {@link dev.allframe.saga.SagaOrchestrator} that starts them, and what a saga reports: its outcome,
 * status and history.
 */
package dev.allframe.saga;
