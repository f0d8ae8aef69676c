package dev.allframe.cdi.error.streamids;

import dev.allframe.command.StreamId;

public final class BadIdMethod {

    @StreamId
    static String shared;

    @StreamId
    public String idFor(String prefix) {
        return prefix;
    }
}
