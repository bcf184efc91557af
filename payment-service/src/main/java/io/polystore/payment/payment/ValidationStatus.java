package io.polystore.payment.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;

/** {@code FAILED} when any check of the payment failed; warnings alone leave it {@code PASSED}. */
public enum ValidationStatus {
    PASSED, FAILED;

    public String value() {
        return name();
    }

    @JsonCreator
    static ValidationStatus fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(ValidationStatus.class, ValidationStatus::value, value);
    }
}
