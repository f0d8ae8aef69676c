package dev.allframe.cdi.error.states;

public record NoWayToStart(String id) {
}
