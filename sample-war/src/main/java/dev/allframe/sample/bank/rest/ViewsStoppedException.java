package dev.allframe.sample.bank.rest;

import dev.allframe.projection.ProjectionStatus;

/** The account views stopped at an event they cannot apply, before a command's events: the command is stored. */
public class ViewsStoppedException extends RuntimeException {

    private final long position;
    private final ProjectionStatus.Failure failure;

    public ViewsStoppedException(long position, ProjectionStatus.Failure failure) {
        super("the account views stopped at position " + failure.position() + " before position " + position);
        this.position = position;
        this.failure = failure;
    }

    public long position() {
        return position;
    }

    public ProjectionStatus.Failure failure() {
        return failure;
    }
}
