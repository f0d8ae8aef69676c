package dev.allframe.it.validation;

import dev.allframe.command.StreamId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record Register(
        @StreamId @NotBlank String username,
        @Email String email,
        @Min(18) int age,
        @NotNull @Valid Address address) {
}
