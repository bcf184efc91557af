package io.polystore.testsupport.health;

import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A test profile in which the service's stores cannot be reached: it starts without the module's store test resources
 * (only the identity keys every service needs) and with the configuration {@link #unreachable(int)} gives, which points
 * each store at a port nothing listens on and switches off what would need the store at start-up (Flyway, schema
 * migrations).
 */
public abstract class StoresDown implements QuarkusTestProfile {

    /** The configuration that points this service's stores at {@code port} (nothing listens there). */
    protected abstract Map<String, String> unreachable(int port);

    @Override
    public final Map<String, String> getConfigOverrides() {
        return unreachable(UnreachablePort.find());
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(IdentityTestResource.class));
    }
}
