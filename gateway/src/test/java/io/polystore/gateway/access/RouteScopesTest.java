package io.polystore.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.gateway.auth.Identity;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.rest.identity.Scopes;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed route-scope configuration and what it refuses at startup. */
class RouteScopesTest {

    private static final Map<String, String> BASE = Map.of("quarkus.management.port", "9080",
            "gateway.services.mandate-service.url", "http://127.0.0.1:1",
            "gateway.services.mandate-service.readiness-url", "http://127.0.0.1:1/q/health/ready",
            "gateway.services.mandate-service.databases", "postgresql",
            "gateway.services.mandate-service.routes", "/api/mandates,/api/webhooks",
            "gateway.services.mandate-service.aliases.\"/api/orders\"", "/api/mandates",
            "gateway.scopes.\"/api/mandates\"", "mandates",
            "gateway.scopes.\"/api/webhooks\"", "webhooks:manage",
            "gateway.read-scopes.\"/api/mandates\"", "mandates:read");

    @Test
    void aRouteAcceptsItsReadOnlyTwinForReadsAndAnAliasNeedsItsRoutesScopes() {
        RouteScopes scopes = RouteScopes.of(config(Map.of()));
        Identity reader = Identity.of(1, 2, Set.of(Scopes.MANDATES_READ));
        for (String path : new String[]{"/api/mandates", "/api/mandates/1", "/api/orders/1"}) {
            assertNull(scopes.missing(path, "GET", reader), path);
            assertNull(scopes.missing(path, "HEAD", reader), path);
            assertEquals(Scopes.MANDATES, scopes.missing(path, "POST", reader), path);
        }
        assertEquals(Scopes.WEBHOOKS_MANAGE, scopes.missing("/api/webhooks", "GET", reader));
        assertNull(scopes.missing("/api/webhooks/9", "DELETE", Identity.of(1, 2, Set.of(Scopes.WEBHOOKS_MANAGE))));
        assertNull(scopes.missing("/api/nobody", "GET", reader), "no route: the proxy's 404");
    }

    @Test
    void aReadScopeMustBeTheTwinOfTheRoutesScope() {
        assertRefused(Map.of("gateway.read-scopes.\"/api/webhooks\"", "mandates:read"), "read-only twin");
        assertRefused(Map.of("gateway.read-scopes.\"/api/mandates\"", "payments"), "read-only twin");
        assertRefused(Map.of("gateway.read-scopes.\"/api/nothing\"", "mandates:read"), "names no route");
    }

    @Test
    void anAliasMustNameOneOfItsServicesRoutes() {
        assertRefused(Map.of("gateway.services.mandate-service.aliases.\"/api/orders\"", "/api/payments"),
                "must name one of");
        assertRefused(Map.of("gateway.services.mandate-service.aliases.\"/api/orders/x\"", "/api/mandates"),
                "/api/<area>");
        assertRefused(Map.of("gateway.scopes.\"/api/webhooks\"", "internal"), "must name one of");
    }

    private static void assertRefused(Map<String, String> change, String reason) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RouteScopes.of(config(change)));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private static GatewayConfig config(Map<String, String> change) {
        Map<String, String> properties = new HashMap<>(BASE);
        properties.putAll(change);
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(GatewayConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}
