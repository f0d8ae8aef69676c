package dev.allframe.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the global log's head position. On H2 and Derby every append locks it first (SELECT ... FOR
 * UPDATE), takes the positions after it and raises it, all in the append's transaction. Appends therefore commit one
 * after the other in position order, so a reader can never see position p + 1 committed while p is not: the gap that
 * sequences and identity columns leave (allocated at insert, committed out of order) cannot happen there. The price
 * is one appending transaction at a time. On PostgreSQL appends take their positions from a sequence and mark them
 * until their transactions end ({@link PostgresAppender}); there appends do not use the row (the last stretch of an
 * inline projection's rebuild still locks it, beside the gate of the positions).
 */
@Entity(name = "AllFrameHead")
@Table(name = "allframe_head")
public class HeadRow {

    /** The id of the only row. */
    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "head_position", nullable = false)
    private long position;

    protected HeadRow() {
    }

    public long position() {
        return position;
    }

    void advanceTo(long newPosition) {
        this.position = newPosition;
    }
}
