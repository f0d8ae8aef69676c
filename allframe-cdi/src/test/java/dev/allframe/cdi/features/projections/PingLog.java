package dev.allframe.cdi.features.projections;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An async projection keeping the texts of all pings. */
@Projection("ping-log")
public class PingLog {

    private final List<String> texts = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(Pinged pinged) {
        if (pinged.text().equals("poison")) {
            throw new IllegalArgumentException("poison ping");
        }
        texts.add(pinged.text());
    }

    void reset() {
        texts.clear();
    }

    public List<String> texts() {
        return texts;
    }
}
