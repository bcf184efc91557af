package io.polystore.mandate.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON merge semantics: the fields given change. */
@Schema(name = "UpdateCustomer")
public record CustomerChange(@Size(min = 1, max = 200) String name, @Size(max = 254) @Email String email) {
}
