package io.polystore.devstack.test;

import io.polystore.devstack.IdentityKeyPair;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One identity key pair for the test JVM: services verify with its public key, and tests (and the gateway) sign
 * identity tokens with its private key, as the gateway does in production.
 */
public class IdentityTestResource implements QuarkusTestResourceLifecycleManager {

    private static IdentityKeyPair keys;

    public static synchronized IdentityKeyPair keys() {
        if (keys == null) {
            keys = IdentityKeyPair.generate();
        }
        return keys;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("polystore.identity.public-keys", keys().publicKeyPem(),
                "polystore.identity.private-key", keys().privateKeyPem());
    }

    @Override
    public void stop() {
        // The key pair lives as long as the test JVM.
    }
}
