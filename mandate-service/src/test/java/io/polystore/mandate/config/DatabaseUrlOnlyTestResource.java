package io.polystore.mandate.config;

import io.polystore.devstack.store.DatabaseAccount;
import io.polystore.devstack.store.StoreKind;
import io.polystore.devstack.test.PostgresTestResource;
import io.polystore.devstack.test.TestStores;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Gives the application nothing but {@code DATABASE_URL}, for a database of its own ({@code mandates_url}) whose owner
 * has a password that must be percent-encoded. With {@code POLYSTORE_TEST_POSTGRES_URL} set, it uses that server (and
 * its password) instead.
 */
public class DatabaseUrlOnlyTestResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "mandates_url";
    static final String PASSWORD = "Url@pw:50%+x,=";

    @Override
    public Map<String, String> start() {
        String external = System.getenv("POLYSTORE_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return fromExternalServer();
        }
        DatabaseAccount account = new DatabaseAccount(DATABASE, DATABASE, PASSWORD);
        int port = TestStores.withDatabase(StoreKind.POSTGRES, account).port();
        return Map.of("DATABASE_URL", "postgresql://" + encode(account.user()) + ":" + encode(account.password())
                + "@127.0.0.1:" + port + "/" + DATABASE);
    }

    private static Map<String, String> fromExternalServer() {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(Map.of("database", DATABASE));
        Map<String, String> keys = resource.start();
        URI reactive = URI.create(keys.get("quarkus.datasource.reactive.url"));
        return Map.of("DATABASE_URL", "postgresql://" + encode(keys.get("quarkus.datasource.username")) + ":"
                + encode(keys.get("quarkus.datasource.password")) + "@" + reactive.getRawAuthority()
                + reactive.getRawPath());
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    @Override
    public void stop() {
        // The server serves every test class of this JVM; TestStores stops it at exit.
    }
}
