package dev.allframe.cdi.error.openevents;

public non-sealed interface OpenEntry extends Entry {
}
