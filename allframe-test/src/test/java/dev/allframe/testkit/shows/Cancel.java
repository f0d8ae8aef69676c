package dev.allframe.testkit.shows;

import dev.allframe.command.StreamId;

public record Cancel(@StreamId String showId, String guest) {
}
