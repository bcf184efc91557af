package io.polystore.session.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;

/** The configurator's step ({@code current_state}), one per component, then {@code finalize}. */
public enum ConfiguratorState {
    POWER_SOURCE_SELECTION("power_source_selection"), FEEDER_SELECTION("feeder_selection"), COOLER_SELECTION(
            "cooler_selection"), INTERCONNECTOR_SELECTION("interconnector_selection"), TORCH_SELECTION(
                    "torch_selection"), ACCESSORY_SELECTION("accessory_selection"), FINALIZE("finalize");

    private final String value;

    ConfiguratorState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @JsonCreator
    static ConfiguratorState fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(ConfiguratorState.class, ConfiguratorState::value, value);
    }
}
