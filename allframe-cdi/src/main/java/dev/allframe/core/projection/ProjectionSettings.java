package dev.allframe.core.projection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * How tracking processors run.
 *
 * @param batchSize    events read and applied per transaction
 * @param pollInterval how long an idle processor waits before looking at the log again, when no append
 *                     woke it
 * @param maxRetries   how often a failing event is tried again before the projection stops
 * @param retryBackoff the wait before the first retry; it doubles with each further retry
 * @param lease        how long a node's lease on a projection runs without renewal, where the store shares projections
 *                     between nodes; a node renews it after a third of it
 * @param node         how this process names itself to the others sharing the store
 */
public record ProjectionSettings(int batchSize, Duration pollInterval, int maxRetries, Duration retryBackoff,
                                 Duration lease, String node) {

    /** The lease unless configured. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

    /** Settings with the default lease, for a node named {@link #nodeName()}. */
    public ProjectionSettings(int batchSize, Duration pollInterval, int maxRetries, Duration retryBackoff) {
        this(batchSize, pollInterval, maxRetries, retryBackoff, DEFAULT_LEASE, nodeName());
    }

    /** The wait before retry {@code attempt} (0 for the first). */
    Duration backoff(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt, 16));
    }

    /** A third of the lease: how often a held lease is renewed and a free one tried. */
    Duration renewal() {
        return lease.dividedBy(3);
    }

    /**
     * A name for this process that no other process shares: the host, the process id and a random part, so that an
     * operator sees at once which server holds what, and a restarted process is a new node. The same for the whole
     * process.
     */
    public static String nodeName() {
        return ProcessName.NAME;
    }

    /** Made once, when first asked for. */
    private static final class ProcessName {

        static final String NAME = make();

        private ProcessName() {
        }
    }

    private static String make() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            host = "unknown-host";
        }
        long process = ProcessHandle.current().pid();
        String name = host + "/" + process + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }
}
