package dev.allframe.cdi.features;

import dev.allframe.StreamId;

public record CountPings(@StreamId String id) {
}
