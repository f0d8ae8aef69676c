package dev.allframe.cdi.features;

import dev.allframe.command.StreamId;

public record CountPings(@StreamId String id) {
}
