package dev.allframe.jpa.restart;

/** What a handler returns: an interface any class may implement, so the classes stored under it are not known. */
public interface AccountNote {
}
