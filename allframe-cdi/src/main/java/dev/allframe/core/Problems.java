package dev.allframe.core;

import dev.allframe.AllFrameMessage;
import java.util.ArrayList;
import java.util.List;

/** Collects deployment problems so that all of them are reported at once. */
public final class Problems {

    private final List<AllFrameMessage> messages = new ArrayList<>();

    public void add(AllFrameMessage message) {
        messages.add(message);
    }

    public void addAll(List<AllFrameMessage> more) {
        messages.addAll(more);
    }

    public int size() {
        return messages.size();
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<AllFrameMessage> messages() {
        return List.copyOf(messages);
    }
}
