package io.polystore.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON as strict as the API conventions promise; each violation is a 400 problem naming the field:
 * <ul>
 * <li>a key twice in one object ({@code {"name":"a","name":"b"}}) is refused, never "last one wins";</li>
 * <li>a string field takes only a JSON string: {@code 123} or {@code true} is the wrong type, not {@code "123"};</li>
 * <li>text must be valid Unicode: a lone surrogate ({@code "a\ud800b"}) is refused, in values and in keys;</li>
 * <li>{@code "severity": 3} is not the fourth enum constant, and a missing number is not 0.</li>
 * </ul>
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /** The message of a 400 for text with an unpaired surrogate. */
    public static final String NOT_UNICODE = "is not valid Unicode text";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("polystore-strict-strings")
                .addDeserializer(String.class, new StrictStringDeserializer())
                .addKeyDeserializer(String.class, new StrictStringDeserializer.Keys()));
    }
}
