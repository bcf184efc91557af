package io.polystore.rest.app;

import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** The test application needs the identity keys every service needs; no store. */
@QuarkusTestResource(IdentityTestResource.class)
public final class ChassisTestStores {

    private ChassisTestStores() {
    }
}
