package dev.allframe.cdi.error.typed;

public interface Greeting {
}
