package io.polystore.session;

import io.polystore.devstack.test.RedisTestResource;
import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against one real Redis server, started once per JVM. */
@QuarkusTestResource(IdentityTestResource.class)
@QuarkusTestResource(RedisTestResource.class)
public final class SessionStoreResource {

    private SessionStoreResource() {
    }
}
