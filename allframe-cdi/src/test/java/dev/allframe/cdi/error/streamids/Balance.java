package dev.allframe.cdi.error.streamids;

public record Balance(long cents) {

    public Balance() {
        this(0);
    }
}
