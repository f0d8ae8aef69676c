package dev.allframe.cdi.error.versions;

import dev.allframe.StreamId;

public record MakeGap(@StreamId String id) {
}
