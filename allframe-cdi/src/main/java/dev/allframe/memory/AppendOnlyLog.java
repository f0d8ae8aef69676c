package dev.allframe.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A list with one writer and any number of lock-free readers. The writer fills slots, then publishes
 * them by raising the volatile size; a reader reads the size first and only looks at slots below it, so
 * it never sees a slot before its content, nor part of one {@link #addAll}.
 */
final class AppendOnlyLog<T> {

    private static final int CHUNK_BITS = 10;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;

    private volatile Object[][] chunks = new Object[4][];
    private volatile int size;

    /**
     * Appends {@code elements}, which readers see all at once or not at all; callers serialise calls to
     * this method.
     */
    void addAll(List<T> elements) {
        int index = size;
        Object[][] current = chunks;
        for (T element : elements) {
            int chunk = index >>> CHUNK_BITS;
            if (chunk == current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            if (current[chunk] == null) {
                current[chunk] = new Object[CHUNK_SIZE];
            }
            current[chunk][index & CHUNK_MASK] = element;
            index++;
        }
        chunks = current;
        size = index;
    }

    int size() {
        return size;
    }

    /** Up to {@code maxCount} elements from index {@code from}, in order. */
    List<T> read(long from, int maxCount) {
        int published = size;
        if (from >= published || maxCount <= 0) {
            return List.of();
        }
        int start = (int) Math.max(0, from);
        int end = (int) Math.min(published, (long) start + maxCount);
        Object[][] current = chunks;
        List<T> result = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            result.add(elementAt(current, i));
        }
        return result;
    }

    /**
     * The index of the first published element whose key is above {@code key}, the elements' keys growing with their
     * index; the size when there is none.
     */
    int firstAbove(long key, ToLongFunction<T> keyOf) {
        int published = size;
        Object[][] current = chunks;
        int low = 0;
        int high = published;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (keyOf.applyAsLong(elementAt(current, middle)) > key) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    @SuppressWarnings("unchecked")
    private static <T> T elementAt(Object[][] chunks, int index) {
        return (T) chunks[index >>> CHUNK_BITS][index & CHUNK_MASK];
    }
}
