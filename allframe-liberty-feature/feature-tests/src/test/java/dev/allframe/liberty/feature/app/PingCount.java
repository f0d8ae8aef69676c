package dev.allframe.liberty.feature.app;

import dev.allframe.command.Apply;

public record PingCount(int count) {

    public PingCount() {
        this(0);
    }

    @Apply
    PingCount on(Pinged event) {
        return new PingCount(event.count());
    }
}
