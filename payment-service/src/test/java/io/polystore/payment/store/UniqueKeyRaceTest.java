package io.polystore.payment.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.rest.store.StoreFailure;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MariaDB's duplicate-entry error (1062) through the Vert.x client is the chassis' DUPLICATE_KEY (answered 409). */
@QuarkusTest
class UniqueKeyRaceTest {

    @Inject
    Pool pool;

    @Test
    void aDuplicateKeyThroughTheClientIsADuplicateKey() {
        String reference = "seq-" + UUID.randomUUID().toString().substring(0, 20);
        String insert = "INSERT INTO reference_sequence (name, last_value) VALUES (?, 0)";
        pool.preparedQuery(insert).execute(Tuple.of(reference)).await().atMost(Duration.ofSeconds(10));
        Throwable failure = pool.preparedQuery(insert).execute(Tuple.of(reference)).onItem().<Throwable>transform(
                rows -> null).onFailure().recoverWithItem(e -> e).await().atMost(Duration.ofSeconds(10));
        assertEquals(StoreFailure.DUPLICATE_KEY, StoreFailure.of(failure), String.valueOf(failure));
    }
}
