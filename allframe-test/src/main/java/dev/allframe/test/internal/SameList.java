package dev.allframe.test.internal;

import dev.allframe.AllFrameMessage;
import java.util.List;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/** An expectation that a list is exactly another one, failing with both side by side. */
public final class SameList {

    private SameList() {
    }

    /**
     * Fails with {@code message} of the two lists side by side (and both as the failure's expected and actual
     * values, for an IDE's comparison) unless {@code actual} equals {@code expected}.
     */
    public static void require(List<?> expected, List<?> actual, Function<String, AllFrameMessage> message) {
        if (!actual.equals(expected)) {
            throw new AssertionFailedError(message.apply(EventTable.sideBySide(expected, actual)).toString(),
                    expected, actual);
        }
    }
}
