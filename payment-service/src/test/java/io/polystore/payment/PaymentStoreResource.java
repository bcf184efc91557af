package io.polystore.payment;

import io.polystore.devstack.test.MariaDbTestResource;
import io.polystore.devstack.test.RedisTestResource;
import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every test of this module runs against one real MariaDB database, {@code payments}, and one Redis, started once per
 * JVM.
 */
@QuarkusTestResource(IdentityTestResource.class)
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(value = MariaDbTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
public final class PaymentStoreResource {

    private PaymentStoreResource() {
    }
}
