package io.polystore.mandate.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerRepositoryTest {

    @Inject
    CustomerRepository customers;

    @Inject
    Pool pool;

    @Test
    @RunOnVertxContext
    void flywayCreatedTheCustomersTable(UniAsserter asserter) {
        asserter.assertThat(
                () -> pool.query("SELECT count(*) AS n FROM flyway_schema_history WHERE success AND version = '1'")
                        .execute(),
                rows -> assertEquals(1L, rows.iterator().next().getLong("n")));
        asserter.assertThat(
                () -> pool.query("SELECT to_regclass('public.customers') IS NOT NULL AS present").execute(),
                rows -> assertTrue(rows.iterator().next().getBoolean("present")));
    }

    @Test
    @RunOnVertxContext
    void writesACustomerAndReadsItBack(UniAsserter asserter) {
        String tenant = newTenant();
        Customer customer = customer(tenant, "cus-1", "Ada Lovelace");
        customer.email = "ada@example.com";

        asserter.execute(() -> Panache.withTransaction(() -> customers.persist(customer)));
        asserter.assertThat(() -> Panache.withSession(() -> customers.findByExternalRef(tenant, "cus-1")), found -> {
            assertNotNull(found);
            assertNotNull(found.id);
            assertEquals(tenant, found.tenantId);
            assertEquals("Ada Lovelace", found.name);
            assertEquals("ada@example.com", found.email);
            assertNotNull(found.createdAt);
            assertNotNull(found.updatedAt);
            assertNull(found.deletedAt);
        });
    }

    @Test
    @RunOnVertxContext
    void lookupsStayWithinTheirTenant(UniAsserter asserter) {
        String tenantA = newTenant();
        String tenantB = newTenant();
        String otherTenant = newTenant();
        // The same external reference in two tenants is two customers.
        asserter.execute(() -> Panache.withTransaction(() -> customers.persist(customer(tenantA, "shared", "Of A"))
                .chain(() -> customers.persist(customer(tenantB, "shared", "Of B")))));

        asserter.assertThat(() -> Panache.withSession(() -> customers.findByExternalRef(tenantA, "shared")),
                found -> assertEquals("Of A", found.name));
        asserter.assertThat(() -> Panache.withSession(() -> customers.findByExternalRef(tenantB, "shared")),
                found -> assertEquals("Of B", found.name));
        asserter.assertThat(() -> Panache.withSession(() -> customers.findByExternalRef(otherTenant, "shared")),
                found -> assertNull(found));
    }

    @Test
    @RunOnVertxContext
    void aSoftDeletedCustomerIsNotFoundAndFreesItsReference(UniAsserter asserter) {
        String tenant = newTenant();
        Customer gone = customer(tenant, "cus-gone", "Gone");
        asserter.execute(() -> Panache.withTransaction(() -> customers.persist(gone)));
        asserter.execute(() -> Panache.withTransaction(() -> customers.findById(gone.id)
                .invoke(found -> found.deletedAt = Instant.now())));

        asserter.assertThat(() -> Panache.withSession(() -> customers.findByExternalRef(tenant, "cus-gone")),
                found -> assertNull(found));
        asserter.execute(() -> Panache.withTransaction(() -> customers.persist(customer(tenant, "cus-gone", "Back"))));
        asserter.assertThat(() -> Panache.withSession(() -> customers.findByExternalRef(tenant, "cus-gone")),
                found -> assertEquals("Back", found.name));
    }

    @Test
    @RunOnVertxContext
    void aTenantCannotHoldTwoLiveCustomersWithOneReference(UniAsserter asserter) {
        String tenant = newTenant();
        asserter.execute(() -> Panache.withTransaction(() -> customers.persist(customer(tenant, "dup", "First"))));
        asserter.assertFailedWith(
                () -> Panache.withTransaction(() -> customers.persist(customer(tenant, "dup", "Second"))),
                failure -> assertTrue(causes(failure).contains("uk_customers_tenant_external_ref"),
                        () -> "expected the unique index to refuse the row, got: " + causes(failure)));
        asserter.assertThat(() -> Panache.withSession(() -> customers.count("tenantId", tenant)),
                count -> assertEquals(1L, count));
    }

    private static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }

    private static Customer customer(String tenant, String externalRef, String name) {
        Customer customer = new Customer();
        customer.tenantId = tenant;
        customer.externalRef = externalRef;
        customer.name = name;
        return customer;
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
