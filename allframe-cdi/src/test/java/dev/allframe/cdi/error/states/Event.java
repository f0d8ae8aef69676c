package dev.allframe.cdi.error.states;

public record Event(String id) {
}
