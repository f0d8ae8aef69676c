package dev.allframe.cdi.error.boundaries;

public record PlainState(int taken) {

    public PlainState() {
        this(0);
    }
}
