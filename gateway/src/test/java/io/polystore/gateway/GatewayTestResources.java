package io.polystore.gateway;

import io.polystore.devstack.test.IdentityTestResource;
import io.polystore.devstack.test.RedisTestResource;
import io.polystore.gateway.fake.FakeServices;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module runs against one real Redis (started once per JVM) and real HTTP servers standing in for
 * the five services.
 */
@QuarkusTestResource(IdentityTestResource.class)
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(FakeServices.class)
public final class GatewayTestResources {

    private GatewayTestResources() {
    }
}
