package io.polystore.rest.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.rest.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void theETagIsTheVersionAsAStrongQuotedTag() {
        assertEquals("\"0\"", IfMatch.etag(0));
        assertEquals("\"42\"", IfMatch.etag(42));
    }

    @Test
    void absentMatchesAnything() {
        assertFalse(IfMatch.parse(null).present());
        assertFalse(IfMatch.parse(List.of()).present());
        assertTrue(IfMatch.parse(null).matches(7));
    }

    @Test
    void starMatchesAnyCurrentVersion() {
        IfMatch any = IfMatch.parse(List.of(" * "));
        assertTrue(any.present());
        assertTrue(any.matches(0));
        assertTrue(any.matches(99));
    }

    @Test
    void aListMatchesAnyOfItsStrongTags() {
        IfMatch ifMatch = IfMatch.parse(List.of("\"3\", \"5\"", "\"8\""));
        assertTrue(ifMatch.matches(3));
        assertTrue(ifMatch.matches(5));
        assertTrue(ifMatch.matches(8), "several header lines are one list");
        assertFalse(ifMatch.matches(4));
    }

    @Test
    void weakTagsAndForeignTagsNeverMatch() {
        assertFalse(IfMatch.parse(List.of("W/\"3\"")).matches(3), "If-Match compares strongly");
        assertFalse(IfMatch.parse(List.of("\"abc\"")).matches(3));
        assertFalse(IfMatch.parse(List.of("\"03\"")).matches(3), "only the exact spelling this service hands out");
        assertFalse(IfMatch.parse(List.of("\"a,b\"")).matches(3), "a comma inside a tag is part of the tag");
        // "٣" (ARABIC-INDIC DIGIT THREE) in UTF-8, as a header's bytes arrive (ISO-8859-1 text): obs-text, no version
        assertFalse(IfMatch.parse(List.of("\"\u00d9\u00a3\"")).matches(3), "other scripts' digits are not a version");
    }

    @Test
    void aStaleVersionIsA412() {
        ProblemException stale = assertThrows(ProblemException.class,
                () -> IfMatch.parse(List.of("\"1\"")).require(2, "incident 7"));
        assertEquals(412, stale.problem().status());
        IfMatch.parse(List.of("\"2\"")).require(2, "incident 7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "\"3", "W/3", "'3'", "\"3\" x", "**", "\"3\"\"4\"", "", " ,", "*, \"3\""})
    void anythingElseIsA400NamingTheHeader(String value) {
        ProblemException invalid = assertThrows(ProblemException.class, () -> IfMatch.parse(List.of(value)));
        assertEquals(400, invalid.problem().status());
        assertEquals("If-Match", invalid.problem().errors().get(0).field());
    }
}
