package io.polystore.mandate;

import io.polystore.mandate.access.MandateScopes;
import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import jakarta.enterprise.context.ApplicationScoped;

/** Fresh tenants for each test, signed as the gateway signs. */
@ApplicationScoped
public class TestTenants {

    private final IdentitySigner signer;

    TestTenants(IdentityConfig identity) {
        this.signer = IdentitySigner.of(identity).orElseThrow();
    }

    /** A tenant whose key carries {@code mandates} and {@code webhooks:manage}. */
    public TestTenant create() {
        return TestTenant.create(signer, MandateScopes.WRITE, MandateScopes.WEBHOOKS_MANAGE);
    }

    public TestTenant create(String... scopes) {
        return TestTenant.create(signer, scopes);
    }
}
