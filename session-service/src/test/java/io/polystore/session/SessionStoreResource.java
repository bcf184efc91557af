package io.polystore.session;

import io.polystore.devstack.test.RedisTestResource;
import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module runs against one real Redis server, started once per JVM, and the two neighbours
 * session-service calls over HTTP, played by small Vert.x servers ({@link Neighbours}).
 */
@QuarkusTestResource(IdentityTestResource.class)
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(Neighbours.class)
public final class SessionStoreResource {

    private SessionStoreResource() {
    }
}
