package io.polystore.rest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Location of a created resource is prepared before the create and cannot fail after it. */
class CreatedLocationTest {

    @Test
    void theOriginTheGatewaySetAndTheResourcesOwnPath() {
        assertEquals("https://api.example.com/api/incidents/309",
                CreatedLocation.of(base("https://api.example.com/"), "/api/incidents").of(309));
        assertEquals("http://localhost:8080/api/keys/5",
                CreatedLocation.of(base("HTTP://localhost:8080/"), "/api/keys").of(5));
        assertEquals("http://[::1]:8080/api/keys/5", CreatedLocation.of(base("http://[::1]:8080/"), "/api/keys")
                .of(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "http://user@example.com/", "/relative", "http://exa%20mple/"})
    void withoutAValidHttpOriginTheLocationIsThePathAlone(String baseUri) {
        assertEquals("/api/incidents/309", CreatedLocation.of(base(baseUri), "/api/incidents").of(309));
    }

    @Test
    void aBaseUriThatCannotBeBuiltIsThePathAloneToo() {
        UriInfo failing = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> {
                    throw new IllegalArgumentException("Illegal character in path at index 1: /a b");
                });
        assertEquals("/api/incidents/309", CreatedLocation.of(failing, "/api/incidents").of(309));
    }

    private static UriInfo base(String uri) {
        return (UriInfo) Proxy.newProxyInstance(CreatedLocationTest.class.getClassLoader(),
                new Class<?>[]{UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBaseUri")) {
                        return URI.create(uri);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
