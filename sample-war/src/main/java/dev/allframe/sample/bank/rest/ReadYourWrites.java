package dev.allframe.sample.bank.rest;

import static java.util.Objects.requireNonNull;

import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionState;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.sample.bank.AccountViews;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;

/** Waits until the {@link AccountViews} projection has seen an event, so that an answer shows its effect. */
@Dependent
public class ReadYourWrites {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ProjectionRegistry projections;

    @Inject
    public ReadYourWrites(ProjectionRegistry projections) {
        this.projections = requireNonNull(projections, "projections");
    }

    /**
     * Returns once the views include the event at {@code position}; {@link ViewsStoppedException} at once when they
     * stopped before it, {@link ViewsBehindException} after 5 seconds.
     */
    void await(long position) {
        try {
            if (!projections.awaitPosition(AccountViews.NAME, position, TIMEOUT)) {
                ProjectionStatus status = projections.status(AccountViews.NAME);
                if (status.state() == ProjectionState.FAILED) {
                    throw new ViewsStoppedException(position, status.failure());
                }
                throw new ViewsBehindException(position);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViewsBehindException(position);
        }
    }
}
