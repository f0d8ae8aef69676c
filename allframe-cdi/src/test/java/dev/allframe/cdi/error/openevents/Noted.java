package dev.allframe.cdi.error.openevents;

public record Noted(String id) implements Note, Entry {
}
