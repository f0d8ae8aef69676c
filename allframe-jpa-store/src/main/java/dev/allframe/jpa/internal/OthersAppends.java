package dev.allframe.jpa.internal;

import dev.allframe.spi.event.RemoteChangeListener;

/**
 * A listener told of the appends of the other processes only: a notice this process sent, which the database tells
 * back to every listener, its own included, is left out, as this process's projections heard of those commits as they
 * happened. Their batches and the requests of operators are all told, whoever made them.
 */
public final class OthersAppends implements RemoteChangeListener {

    private final RemoteChangeListener listener;
    private final CommitNotices sentHere;

    public OthersAppends(RemoteChangeListener listener, CommitNotices sentHere) {
        this.listener = listener;
        this.sentHere = sentHere;
    }

    @Override
    public void appended(long head) {
        if (!sentHere.sentHere(head)) {
            listener.appended(head);
        }
    }

    @Override
    public void progressed(String projection, long checkpoint) {
        listener.progressed(projection, checkpoint);
    }

    @Override
    public void controlled(String projection) {
        listener.controlled(projection);
    }

    @Override
    public void lost(Throwable cause) {
        listener.lost(cause);
    }
}
