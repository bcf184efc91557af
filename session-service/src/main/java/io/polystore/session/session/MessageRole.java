package io.polystore.session.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.json.ApiEnum;

/** Who said a message of the conversation. */
public enum MessageRole {
    USER("user"), ASSISTANT("assistant"), SYSTEM("system");

    private final String value;

    MessageRole(String value) {
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
    static MessageRole fromJson(String value) throws InvalidFormatException {
        return ApiEnum.fromJson(MessageRole.class, MessageRole::value, value);
    }
}
