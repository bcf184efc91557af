package io.polystore.gateway.auth;

import io.polystore.rest.identity.IdentityConfig;
import io.polystore.rest.identity.IdentitySigner;
import jakarta.inject.Singleton;

/**
 * The gateway's signing key ({@code GATEWAY_IDENTITY_PRIVATE_KEY}): user tokens for the requests it forwards (kept on
 * each {@link Identity}) and the gateway's own service token for {@code /internal/**} calls, re-signed when due.
 */
@Singleton
public class IdentityTokens {

    static final String GATEWAY = "gateway";

    private final IdentitySigner signer;
    private volatile IdentitySigner.SignedToken serviceToken;

    IdentityTokens(IdentityConfig config) {
        this.signer = IdentitySigner.of(config).orElseThrow(() -> new IllegalStateException(
                "GATEWAY_IDENTITY_PRIVATE_KEY is not set: the gateway signs the identity the services believe with it "
                        + "(PKCS#8 PEM text or a file path)"));
    }

    public IdentitySigner signer() {
        return signer;
    }

    /** {@code Bearer <token>} naming the gateway, scope {@code internal}. */
    public String serviceAuthorization() {
        IdentitySigner.SignedToken current = serviceToken;
        if (current == null || current.renewDue(System.currentTimeMillis())) {
            current = signer.service(GATEWAY);
            serviceToken = current;
        }
        return current.authorization();
    }
}
