package io.polystore.catalog.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.ClientException;

@QuarkusTest
class ProductRepositoryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ProductRepository products;

    @Inject
    Driver driver;

    @Test
    void migrationCreatedTheUniqueGinConstraint() {
        List<Record> constraints = run(
                "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE name = 'product_gin_unique' "
                        + "RETURN type, labelsOrTypes, properties",
                Map.of());
        assertEquals(1, constraints.size(), "constraint product_gin_unique");
        Record constraint = constraints.get(0);
        assertEquals("UNIQUENESS", constraint.get("type").asString());
        assertEquals(List.of("Product"), constraint.get("labelsOrTypes").asList());
        assertEquals(List.of("gin"), constraint.get("properties").asList());

        List<Record> applied = run("MATCH (m:__Neo4jMigration {version: '0001'}) RETURN m.description AS d", Map.of());
        assertEquals(1, applied.size(), "migration 0001 recorded");
    }

    @Test
    void aSecondProductWithTheSameGinIsRejected() {
        String gin = newGin();
        run("CREATE (:Product:Torch {gin: $gin, name: 'first'})", Map.of("gin", gin));
        CompletionException failure = assertThrows(CompletionException.class,
                () -> run("CREATE (:Product:Accessory {gin: $gin, name: 'second'})", Map.of("gin", gin)));
        ClientException cause = assertInstanceOf(ClientException.class, failure.getCause());
        assertEquals("Neo.ClientError.Schema.ConstraintValidationFailed", cause.code());
        assertEquals(1L, run("MATCH (p:Product {gin: $gin}) RETURN count(p) AS n", Map.of("gin", gin))
                .get(0).get("n").asLong());
    }

    @Test
    void writesAProductAndReadsItBack() {
        String gin = newGin();
        Product saved = products.save(new Product(gin, "Warrior 500i", ProductType.POWER_SOURCE))
                .await().atMost(WAIT);
        assertEquals(new Product(gin, "Warrior 500i", ProductType.POWER_SOURCE), saved);

        assertEquals(saved, products.findByGin(gin).await().atMost(WAIT));
        List<Record> labels = run("MATCH (p {gin: $gin}) RETURN labels(p) AS l", Map.of("gin", gin));
        assertEquals(List.of("PowerSource", "Product"),
                labels.get(0).get("l").asList(Value::asString).stream().sorted().toList());
    }

    @Test
    void savingTheSameGinAgainUpdatesTheOneProduct() {
        String gin = newGin();
        products.save(new Product(gin, "Feeder v1", ProductType.FEEDER)).await().atMost(WAIT);
        products.save(new Product(gin, "Cooler v2", ProductType.COOLER)).await().atMost(WAIT);

        assertEquals(new Product(gin, "Cooler v2", ProductType.COOLER), products.findByGin(gin).await().atMost(WAIT));
        List<Record> nodes = run("MATCH (p:Product {gin: $gin}) RETURN labels(p) AS l", Map.of("gin", gin));
        assertEquals(1, nodes.size());
        assertEquals(List.of("Cooler", "Product"),
                nodes.get(0).get("l").asList(Value::asString).stream().sorted().toList());
    }

    @Test
    void anUnknownGinFindsNothing() {
        assertNull(products.findByGin(newGin()).await().atMost(WAIT));
    }

    @Test
    void anInvalidProductIsNotSaved() {
        assertThrows(ConstraintViolationException.class,
                () -> products.save(new Product(" ", "no gin", ProductType.TORCH)).await().atMost(WAIT));
        assertThrows(ConstraintViolationException.class,
                () -> products.save(new Product(newGin(), "no type", null)).await().atMost(WAIT));
    }

    private static String newGin() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Runs one auto-commit query through the async API and waits for all its records. */
    private List<Record> run(String query, Map<String, Object> parameters) {
        AsyncSession session = driver.session(AsyncSession.class);
        try {
            return session.runAsync(query, parameters)
                    .thenCompose(ResultCursor::listAsync)
                    .toCompletableFuture()
                    .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .join();
        } finally {
            session.closeAsync().toCompletableFuture().join();
        }
    }
}
