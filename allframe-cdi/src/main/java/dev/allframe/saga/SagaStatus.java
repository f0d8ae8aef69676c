package dev.allframe.saga;

import java.time.Instant;
import java.util.UUID;

/**
 * A saga as its store keeps it.
 *
 * @param currentStep the last step that started executing or compensating (0: none yet)
 * @param steps       how many steps the saga has
 * @param failedStep  the step that failed, 0 when none did
 * @param failure     why it failed, {@code null} when none did
 */
public record SagaStatus(UUID sagaId, String saga, SagaState state, int currentStep, int steps, int failedStep,
                         String failure, Instant started, Instant updated) {
}
