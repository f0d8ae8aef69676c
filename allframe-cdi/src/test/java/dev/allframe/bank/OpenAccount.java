package dev.allframe.bank;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.NotBlank;

public record OpenAccount(@StreamId @NotBlank String accountId, @NotBlank String owner) {
}
