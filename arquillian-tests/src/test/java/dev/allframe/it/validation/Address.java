package dev.allframe.it.validation;

import jakarta.validation.constraints.NotBlank;

public record Address(@NotBlank String city) {
}
