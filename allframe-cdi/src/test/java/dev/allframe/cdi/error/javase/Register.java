package dev.allframe.cdi.error.javase;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.NotBlank;

/** A command whose stream id must not be blank: without Jakarta Validation, Java drops its constraint. */
public record Register(@StreamId @NotBlank String id) {
}
