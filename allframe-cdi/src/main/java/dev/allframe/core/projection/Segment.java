package dev.allframe.core.projection;

/**
 * One of the segments a projection's work is split into: the streams whose id hashes to it. The hash is fixed (the
 * same in every process and release), so that each stream stays in its segment for as long as the number of segments
 * does not change.
 *
 * @param index 0 to {@code count - 1}
 * @param count how many segments the projection has
 */
public record Segment(int index, int count) {

    /** The most segments a projection may have. */
    public static final int MAX_COUNT = 64;

    /** The whole of a projection that is not split. */
    public static final Segment WHOLE = new Segment(0, 1);

    public Segment {
        if (count < 1 || count > MAX_COUNT || index < 0 || index >= count) {
            throw new IllegalArgumentException("Segment " + index + " of " + count);
        }
    }

    /** Whether the stream's events belong to this segment. */
    public boolean contains(String streamId) {
        return count == 1 || of(streamId, count) == index;
    }

    /**
     * How the segment is named where it is kept and shown: the projection's name for the whole, else the name with
     * the segment's number from 1, e.g. {@code ledger[2/4]}.
     */
    public String key(String projection) {
        return count == 1 ? projection : projection + "[" + (index + 1) + "/" + count + "]";
    }

    /** Whether {@code key} names the projection or one of its segments, of any count. */
    public static boolean belongsTo(String key, String projection) {
        return key.equals(projection) || (key.startsWith(projection + "[") && key.endsWith("]")
                && key.substring(projection.length() + 1, key.length() - 1).matches("[0-9]{1,2}/[0-9]{1,2}"));
    }

    /** The segment of {@code count} the stream belongs to: its id's hash code, mixed so that similar ids spread. */
    static int of(String streamId, int count) {
        int h = streamId.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return Math.floorMod(h, count);
    }
}
