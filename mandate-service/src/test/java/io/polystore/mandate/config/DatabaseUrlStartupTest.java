package io.polystore.mandate.config;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.Test;

/**
 * The service started with only {@code DATABASE_URL} (no {@code quarkus.datasource.*} from a test resource, no
 * {@code POSTGRES_*}): Flyway (JDBC) and the reactive pool both reach the database it names, with its percent-encoded
 * password.
 */
@QuarkusTest
@TestProfile(DatabaseUrlStartupTest.OnlyDatabaseUrl.class)
class DatabaseUrlStartupTest {

    public static class OnlyDatabaseUrl implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(DatabaseUrlOnlyTestResource.class));
        }
    }

    @Inject
    Pool pool;

    @Test
    void theDatasourceKeysComeFromDatabaseUrl() {
        for (String key : List.of("quarkus.datasource.reactive.url", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password")) {
            ConfigValue value = ConfigProvider.getConfig().getConfigValue(key);
            assertTrue(value.getSourceName().contains(DatabaseUrlConfigSourceFactory.VARIABLE),
                    key + " comes from " + value.getSourceName());
        }
        String reactiveUrl = ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class);
        assertEquals("/" + DatabaseUrlOnlyTestResource.DATABASE, reactiveUrl.substring(reactiveUrl.lastIndexOf('/')));
        assertFalse(reactiveUrl.contains("@"), "no credentials in the URL handed to the client");
    }

    @Test
    void theClientsGetThePercentDecodedPassword() {
        // On an external server the password is that server's, not ours: then this check is reported as skipped.
        assumeTrue(System.getenv("POLYSTORE_TEST_POSTGRES_URL") == null,
                "POLYSTORE_TEST_POSTGRES_URL is set: the external server's password is used");
        // The embedded server trusts any password, so check that the decoded one is what the clients get.
        assertEquals(DatabaseUrlOnlyTestResource.PASSWORD,
                ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void thePasswordMappingIsKeptSoAMissingPasswordStopsTheStart() {
        MandateConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(MandateConfig.class);

        assertEquals(ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class),
                config.postgres().password().orElseThrow());
    }

    @Test
    @RunOnVertxContext
    void flywayAndTheReactivePoolReachTheDatabaseItNames(UniAsserter asserter) {
        asserter.assertThat(
                () -> pool.query("SELECT current_database() AS db, (SELECT MAX(version) FROM flyway_schema_history"
                        + " WHERE success) AS v").execute(),
                rows -> {
                    var row = rows.iterator().next();
                    assertEquals(DatabaseUrlOnlyTestResource.DATABASE, row.getString("db"));
                    // every migration ran, the mandate vault's (V2) included
                    assertTrue(Integer.parseInt(row.getString("v")) >= 2, row.getString("v"));
                });
    }

    @Test
    void readinessIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
