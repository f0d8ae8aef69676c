package dev.allframe.cdi.error.openevents.other;

/** Another class named Noted, in another package: stored under the same name. */
public record Noted(String id) {
}
