package io.polystore.session.archive;

import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * session-service's own identity for mandate-service's {@code /internal/**}: a service token (scope {@code internal},
 * subject {@code session-service}) signed with the identity private key ({@code GATEWAY_IDENTITY_PRIVATE_KEY}), kept
 * and signed again only shortly before it expires. Without the key the service does not start: it could hold sessions
 * but never archive them.
 */
@Startup
@ApplicationScoped
public class ServiceToken {

    public static final String SUBJECT = "session-service";

    private final IdentitySigner signer;
    private final Clock clock;
    private final AtomicReference<IdentitySigner.SignedToken> current = new AtomicReference<>();

    ServiceToken(IdentityConfig identity, Clock clock) {
        this.signer = IdentitySigner.of(identity).orElseThrow(() -> new IllegalStateException(
                "GATEWAY_IDENTITY_PRIVATE_KEY is required: session-service signs its archive hand-overs to"
                        + " mandate-service with it"));
        this.clock = clock;
    }

    /** {@code Bearer <token>}. */
    public String authorization() {
        IdentitySigner.SignedToken token = current.get();
        if (token == null || token.renewDue(clock.millis())) {
            token = signer.service(SUBJECT);
            current.set(token);
        }
        return token.authorization();
    }
}
