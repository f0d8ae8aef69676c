package dev.allframe.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes checkpoint rows in the caller's transaction. */
public final class Checkpoints {

    private Checkpoints() {
    }

    public static long read(EntityManager em, String projection) {
        CheckpointRow row = em.find(CheckpointRow.class, projection);
        return row == null ? 0 : row.position();
    }

    /**
     * Locks the projection's row (creating it on first use), so that two processes feeding the same
     * projection take turns rather than apply a batch twice, and returns the checkpoint it holds.
     */
    public static long lock(EntityManager em, String projection, Instant now) {
        CheckpointRow row = em.find(CheckpointRow.class, projection, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new CheckpointRow(projection);
            row.moveTo(0, now);
            em.persist(row);
            em.flush();
        }
        return row.position();
    }

    /** Inserts the projection's row at 0, unless it is there. */
    public static void create(EntityManager em, String projection, Instant now) {
        if (em.find(CheckpointRow.class, projection) == null) {
            CheckpointRow row = new CheckpointRow(projection);
            row.moveTo(0, now);
            em.persist(row);
            em.flush();
        }
    }

    /** The checkpoints of the projection and those whose key is its name followed by {@code [}, by key. */
    public static Map<String, Long> family(EntityManager em, String projection) {
        Map<String, Long> found = new TreeMap<>();
        em.createQuery("select c from AllFrameCheckpoint c where c.projection = :name"
                        + " or (length(c.projection) > :length and substring(c.projection, 1, :length) = :prefix)",
                        CheckpointRow.class)
                .setParameter("name", projection).setParameter("length", projection.length() + 1)
                .setParameter("prefix", projection + "[").getResultList().stream()
                .forEach(row -> found.put(row.projection(), row.position()));
        return found;
    }

    public static boolean exists(EntityManager em, String projection) {
        return em.find(CheckpointRow.class, projection) != null;
    }

    /**
     * Moves the checkpoint from {@code after} to {@code position} in one statement, which holds the row's lock until
     * the transaction ends: {@code false}, changing nothing, when the checkpoint is not at {@code after} (or its row
     * is missing). A batch's first statement, so that its transaction takes one statement fewer than locking the row
     * and writing it later would.
     */
    public static boolean advance(EntityManager em, String projection, long after, long position, Instant now) {
        return em.createQuery("update AllFrameCheckpoint c set c.position = :position, c.updatedAt = :now"
                        + " where c.projection = :projection and c.position = :after")
                .setParameter("position", position).setParameter("now", now).setParameter("projection", projection)
                .setParameter("after", after).executeUpdate() == 1;
    }

    public static void write(EntityManager em, String projection, long position, Instant now) {
        CheckpointRow row = em.find(CheckpointRow.class, projection);
        row.moveTo(position, now);
    }
}
