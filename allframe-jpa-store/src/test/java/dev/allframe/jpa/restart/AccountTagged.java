package dev.allframe.jpa.restart;

/** An event named nowhere but in the handler's body. */
public record AccountTagged(String accountId, String tag) implements AccountNote {
}
