package dev.allframe.it.projections;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An async projection: follows the log on its own thread. */
@Projection("note-board")
public class NoteBoard {

    private final List<String> texts = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(Noted noted) {
        texts.add(noted.text());
    }

    void reset() {
        texts.clear();
    }

    public List<String> texts() {
        return List.copyOf(texts);
    }
}
