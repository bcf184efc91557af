package io.polystore.mandate;

import io.polystore.devstack.test.PostgresTestResource;
import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against one real PostgreSQL database, {@code mandates}, started once per JVM. */
@QuarkusTestResource(IdentityTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "mandates"))
public final class MandateStoreResource {

    private MandateStoreResource() {
    }
}
