package dev.allframe.cdi.error.streamids;

import dev.allframe.StreamId;

public final class BadIdMethod {

    @StreamId
    static String shared;

    @StreamId
    public String idFor(String prefix) {
        return prefix;
    }
}
