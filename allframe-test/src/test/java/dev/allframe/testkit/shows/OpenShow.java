package dev.allframe.testkit.shows;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

public record OpenShow(@StreamId @NotBlank String showId, @Positive int seats) {
}
