package dev.allframe.core.version;

/** A stored event type: its name and schema version. */
public record EventKey(String name, int version) {

    @Override
    public String toString() {
        return "'" + name + "' version " + version;
    }
}
