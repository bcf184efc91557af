package io.polystore.testsupport.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the health contract reads the metric names a README explains. */
class DocumentedMetricsTest {

    @Test
    void fencedCodeBlocksDoNotShiftTheSpansAfterThem() {
        String readme = """
                Run it:

                ```sh
                ./mvnw verify   # or `package`
                ```

                - `http_server_requests_seconds{method,uri,status}`: requests; `jvm_*` (heap), `sql_pool_active`/`sql_pool_idle`.
                """;
        Set<String> names = HealthContract.documentedNames(readme);
        assertTrue(names.containsAll(Set.of("http_server_requests_seconds", "jvm_*", "sql_pool_active",
                "sql_pool_idle")), names.toString());
        assertFalse(names.contains("package"), "nothing from inside the code block: " + names);
    }

    @Test
    void aPrefixOrASuffixedNameExplainsAFamily() {
        Set<String> names = Set.of("jvm_*", "http_server_requests_seconds", "sql_pool_completed_total");
        assertTrue(HealthContract.isDocumented("jvm_gc_pause_seconds", names));
        assertTrue(HealthContract.isDocumented("http_server_requests_seconds_max", names));
        assertTrue(HealthContract.isDocumented("sql_pool_completed", names));
        assertFalse(HealthContract.isDocumented("worker_pool_active", names));
    }
}
