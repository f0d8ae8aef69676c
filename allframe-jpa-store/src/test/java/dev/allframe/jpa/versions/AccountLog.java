package dev.allframe.jpa.versions;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what it is given, to show that projections only receive the newest versions. */
@Projection("account-log")
public class AccountLog {

    private final List<Object> seen = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(AccountEvent event) {
        seen.add(event);
    }

    void reset() {
        seen.clear();
    }

    public List<Object> seen() {
        return List.copyOf(seen);
    }
}
