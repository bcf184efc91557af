package io.polystore.incident.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.CodePointLength;

/** Lengths in code points (characters), as MariaDB's VARCHAR counts them. */
public record NewUser(
        @NotBlank @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @CodePointLength(max = 254) String email,
        @NotBlank @CodePointLength(max = 200) String displayName) {
}
