package io.polystore.rest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.polystore.rest.problem.ProblemException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An enum is read exactly as spelled: no trimming, no case folding, no locale. */
class ApiEnumTest {

    enum Level {
        LOW("low"), INVESTIGATING("investigating");

        private final String value;

        Level(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }

    @Test
    void theSpellingIsTheConstant() throws InvalidFormatException {
        assertEquals(Level.LOW, ApiEnum.exactly(Level.class, Level::value, "low"));
        assertEquals(Level.INVESTIGATING, ApiEnum.fromJson(Level.class, Level::value, "investigating"));
        assertEquals(Level.LOW, ApiEnum.fromQuery(Level.class, Level::value, "level", "low"));
        assertEquals(List.of("low", "investigating"), ApiEnum.spellings(Level.class, Level::value));
    }

    @ParameterizedTest
    @ValueSource(strings = {" low ", "LOW", "Low", "low\u0000", "lo", "0"})
    void anythingElseIsNoConstant(String value) {
        assertNull(ApiEnum.exactly(Level.class, Level::value, value));
        InvalidFormatException json = assertThrows(InvalidFormatException.class,
                () -> ApiEnum.fromJson(Level.class, Level::value, value));
        assertEquals(Level.class, json.getTargetType());
        ProblemException query = assertThrows(ProblemException.class,
                () -> ApiEnum.fromQuery(Level.class, Level::value, "level", value));
        assertEquals(400, query.problem().status());
        assertEquals("level", query.problem().errors().get(0).field());
        assertEquals("must be one of [low, investigating]", query.problem().errors().get(0).message());
    }

    @Test
    void anEmptyQueryParameterIsNoFilter() {
        assertNull(ApiEnum.fromQuery(Level.class, Level::value, "level", null));
        assertNull(ApiEnum.fromQuery(Level.class, Level::value, "level", ""));
    }

    @Test
    void theDefaultLocaleChangesNothing() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals(Level.INVESTIGATING, ApiEnum.exactly(Level.class, Level::value, "investigating"));
            assertNull(ApiEnum.exactly(Level.class, Level::value, "INVESTIGATING"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
