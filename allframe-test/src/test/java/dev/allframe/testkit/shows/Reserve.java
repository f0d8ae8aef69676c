package dev.allframe.testkit.shows;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.NotBlank;

public record Reserve(@StreamId @NotBlank String showId, @NotBlank String guest) {
}
