package io.polystore.rest.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Present and not blank. */
public class RequiredSecretValidator implements ConstraintValidator<RequiredSecret, Optional<String>> {

    @Override
    public boolean isValid(Optional<String> value, ConstraintValidatorContext context) {
        return value != null && value.isPresent() && !value.get().isBlank();
    }
}
