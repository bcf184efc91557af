package io.polystore.mandate.access;

import io.polystore.rest.identity.CurrentCaller;
import io.polystore.rest.identity.Scopes;
import io.polystore.rest.problem.ProblemException;

/**
 * The key scopes of this service (the seed's roles): {@code mandates} reads and writes mandates, customers, issuer keys
 * and alerts; {@code mandates:read} (the seed's read-only role) only reads them; {@code webhooks:manage} manages
 * webhooks. A read accepts either of the first two, which {@code @RequiresScope} (one scope) cannot say: read
 * operations call {@link #requireRead}.
 */
public final class MandateScopes {

    public static final String WRITE = Scopes.MANDATES;
    public static final String READ = Scopes.MANDATES_READ;
    public static final String WEBHOOKS_MANAGE = Scopes.WEBHOOKS_MANAGE;

    private MandateScopes() {
    }

    /** 403 naming {@code mandates:read} unless the caller's key carries it or {@code mandates}. */
    public static void requireRead(CurrentCaller caller) {
        if (!caller.get().hasScope(WRITE) && !caller.get().hasScope(READ)) {
            throw ProblemException.forbidden(READ);
        }
    }
}
