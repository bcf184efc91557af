package io.polystore.incident.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserRepositoryTest {

    @Inject
    UserRepository users;

    @Inject
    Pool pool;

    @Test
    @RunOnVertxContext
    void flywayAppliedEveryMigration(UniAsserter asserter) {
        asserter.assertThat(
                () -> pool.query("SELECT MAX(version) AS v FROM flyway_schema_history WHERE success = 1").execute(),
                rows -> assertEquals("4", rows.iterator().next().getString("v")));
    }

    @Test
    @RunOnVertxContext
    void writesAUserAndReadsItBack(UniAsserter asserter) {
        String email = "skeleton-" + UUID.randomUUID() + "@example.com";
        User user = new User();
        user.email = email;
        user.displayName = "Skeleton";
        asserter.execute(() -> Panache.withTransaction(() -> users.persist(user)));
        asserter.assertThat(() -> Panache.withSession(() -> users.findByEmail(email)), found -> {
            assertNotNull(found.id);
            assertEquals("Skeleton", found.displayName);
            assertTrue(!found.system);
            assertNotNull(found.createdAt);
        });
    }
}
