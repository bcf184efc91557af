package io.polystore.catalog.config;

import io.polystore.rest.config.RequiredSecret;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Everything an operator sets for catalog-service, with its default, written once. Each property's environment form is
 * the operators' variable ({@code neo4j.pool-size} is {@code NEO4J_POOL_SIZE}); {@code application.properties} only
 * wires quarkus-neo4j's keys to these, and the README's table is checked against this mapping
 * ({@code ConfigurationTest}). Durations take a number of seconds or an ISO-8601 duration. The chassis' variables
 * (identity keys, store deadlines, logs, shutdown) are in rest-support's README.
 */
@ConfigMapping(prefix = "")
public interface CatalogConfig {

    /** HTTP port of the API ({@code PORT}). */
    @WithDefault("8084")
    int port();

    /** Port of {@code /q/health}, {@code /q/metrics}, {@code /q/openapi} ({@code MANAGEMENT_PORT}). */
    @WithDefault("9084")
    int managementPort();

    Neo4j neo4j();

    Catalog catalog();

    /** Operators' names {@code NEO4J_*}. */
    interface Neo4j {

        /** Bolt URI (the local devstack's port); {@code neo4j://} for a cluster, {@code +s} for TLS. */
        @WithDefault("bolt://127.0.0.1:17687")
        String uri();

        @WithDefault("neo4j")
        String username();

        /** No default (quarkus-neo4j's own default, {@code neo4j}, is never used): the service does not start. */
        @RequiredSecret(variable = "NEO4J_PASSWORD")
        Optional<String> password();

        @WithDefault("50")
        @Min(1)
        @Max(1000)
        int poolSize();

        /**
         * Longest wait for a connection, including opening a new one and the Bolt handshake (the driver's
         * connection-acquisition timeout, which bounds its 30 s socket connect timeout too).
         */
        @WithDefault("3")
        @DurationMin(millis = 1)
        Duration connectTimeout();

        /** How long the driver retries a transaction after a transient failure (e.g. connection refused). */
        @WithDefault("2")
        Duration retryTime();

        /** The server aborts a transaction after this. */
        @WithDefault("10")
        @DurationMin(millis = 1)
        Duration transactionTimeout();
    }

    /** Operators' names {@code CATALOG_*}. */
    interface Catalog {

        /** Apply the schema migrations at start-up. */
        @WithDefault("true")
        boolean migrateAtStart();

        /** How long start-up waits for Neo4j to answer before giving up (the service then exits). */
        @WithDefault("60s")
        Duration startupWait();

        /**
         * Import the committed sample catalog at start-up when the catalog is empty and the sample was never imported
         * (a marker node records it, so it happens once, by one instance).
         */
        @WithDefault("false")
        boolean importSampleAtStart();

        /** Products or relationships per transaction of an import. */
        @WithDefault("1000")
        @Min(1)
        @Max(50000)
        int importBatchSize();

        /** How often the catalog_nodes and catalog_relationships gauges are recounted; 0 switches them off. */
        @WithDefault("30s")
        Duration metricsRefresh();
    }
}
