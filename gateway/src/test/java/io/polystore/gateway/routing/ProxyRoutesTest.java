package io.polystore.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxyRoutesTest {

    @Test
    void plainPathsAreProxied() {
        assertTrue(ProxyRoutes.isPlain("/api/incidents/7", "/api/incidents/7"));
        assertTrue(ProxyRoutes.isPlain("/api/catalog/caf%C3%A9", "/api/catalog/caf%C3%A9"));
        assertTrue(ProxyRoutes.isPlain("/api/catalog/100%", "/api/catalog/100%"));
    }

    @Test
    void pathsTheRouterHadToNormalizeAreRefused() {
        assertFalse(ProxyRoutes.isPlain("/api/catalog/../incidents/7", "/api/incidents/7"));
        assertFalse(ProxyRoutes.isPlain("/api/catalog/./x", "/api/catalog/x"));
    }

    @Test
    void encodedSeparatorsAreRefused() {
        assertFalse(ProxyRoutes.isPlain("/api/incidents/7%2F..%2Fx", "/api/incidents/7%2F..%2Fx"));
        assertFalse(ProxyRoutes.isPlain("/api/incidents/7%2f", "/api/incidents/7%2f"));
        assertFalse(ProxyRoutes.isPlain("/api/incidents/7%5C", "/api/incidents/7%5C"));
        assertFalse(ProxyRoutes.isPlain("/api/incidents/7\\x", "/api/incidents/7\\x"));
    }
}
