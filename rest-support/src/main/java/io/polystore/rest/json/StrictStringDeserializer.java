package io.polystore.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/** Strings only from JSON strings, and only valid Unicode (no unpaired surrogate). */
final class StrictStringDeserializer extends StdScalarDeserializer<String> {

    static final String NOT_UNICODE = StrictJsonCustomizer.NOT_UNICODE;

    StrictStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return checked(parser.getText(), parser);
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    static String checked(String text, JsonParser parser) throws InvalidFormatException {
        if (!isValidUnicode(text)) {
            throw InvalidFormatException.from(parser, NOT_UNICODE, "(not shown)", String.class);
        }
        return text;
    }

    /** No high surrogate without a low one after it, no low surrogate without a high one before it. */
    static boolean isValidUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (!isValidUnicode(key)) {
                throw InvalidFormatException.from(context.getParser(), NOT_UNICODE, "(not shown)", String.class);
            }
            return key;
        }
    }
}
