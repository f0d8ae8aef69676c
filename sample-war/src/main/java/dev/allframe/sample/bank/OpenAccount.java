package dev.allframe.sample.bank;

import dev.allframe.command.StreamId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Opens the account {@code accountId} for {@code owner}. */
public record OpenAccount(
        @StreamId @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,36}", message = "must be 1 to 36 letters, digits or hyphens")
        String accountId,
        @NotBlank @Size(max = 100, message = "must be at most 100 characters") String owner) {
}
