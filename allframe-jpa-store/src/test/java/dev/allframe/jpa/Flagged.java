package dev.allframe.jpa;

/** An event holding a value of an interface that any class may implement. */
public record Flagged(String id, Flagged.Flag flag) {

    /** Not sealed: the JSON does not say which class a flag was. */
    public interface Flag {
    }

    public record Red(int shade) implements Flag {
    }
}
