package io.polystore.rest.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void aReadOnlyTwinOpensGetAndHeadOfItsAreaOnly() {
        Set<String> reader = Set.of(Scopes.MANDATES_READ);
        assertTrue(Scopes.grants(reader, Scopes.MANDATES, "GET"));
        assertTrue(Scopes.grants(reader, Scopes.MANDATES, "HEAD"));
        for (String write : new String[]{"POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            assertFalse(Scopes.grants(reader, Scopes.MANDATES, write), write);
        }
        assertFalse(Scopes.grants(reader, Scopes.PAYMENTS, "GET"), "a twin opens its own area only");
        assertFalse(Scopes.grants(reader, Scopes.WEBHOOKS_MANAGE, "GET"));
        assertTrue(Scopes.grants(Set.of(Scopes.MANDATES), Scopes.MANDATES, "DELETE"));
    }

    @Test
    void theFullScopeCoversItsTwinButNotTheOtherWayRound() {
        assertEquals(Optional.of(Scopes.MANDATES), Scopes.fullScopeOf(Scopes.MANDATES_READ));
        assertEquals(Optional.of(Scopes.MANDATES_READ), Scopes.readOnlyTwinOf(Scopes.MANDATES));
        assertEquals(Optional.empty(), Scopes.readOnlyTwinOf(Scopes.PAYMENTS));
        assertTrue(Scopes.covers(Set.of(Scopes.MANDATES), Scopes.MANDATES_READ));
        assertFalse(Scopes.covers(Set.of(Scopes.MANDATES_READ), Scopes.MANDATES));
    }

    @Test
    void theNewScopesAreKeyScopesInAStableOrder() {
        assertTrue(Scopes.isKeyScope(Scopes.MANDATES_READ));
        assertTrue(Scopes.isKeyScope(Scopes.WEBHOOKS_MANAGE));
        assertFalse(Scopes.isKeyScope(Scopes.INTERNAL));
        assertEquals("mandates mandates:read webhooks:manage",
                Scopes.format(Set.of(Scopes.WEBHOOKS_MANAGE, Scopes.MANDATES_READ, Scopes.MANDATES)));
        assertTrue(Scopes.DATA.stream().noneMatch(Scopes.MANAGEMENT::contains));
    }

    @Test
    void aCallerUsesTheTwinForReadsOnly() {
        Caller reader = Caller.user(1, 2, Set.of(Scopes.MANDATES_READ));
        assertTrue(reader.mayUse(Scopes.MANDATES, "GET"));
        assertFalse(reader.mayUse(Scopes.MANDATES, "POST"));
        assertFalse(reader.hasScope(Scopes.MANDATES));
    }
}
