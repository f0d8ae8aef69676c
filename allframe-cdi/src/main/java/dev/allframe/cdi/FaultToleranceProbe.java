package dev.allframe.cdi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Tells whether Fault Tolerance honours annotations an extension adds: the extension registers this class
 * with {@code @Asynchronous} added to {@link #thread()}, and at start-up checks that the method ran on
 * another thread. Not every implementation reads the annotations CDI extensions add; some read only class
 * files.
 */
public class FaultToleranceProbe {

    public CompletionStage<Thread> thread() {
        return CompletableFuture.completedStage(Thread.currentThread());
    }
}
