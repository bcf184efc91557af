package io.polystore.mandate.store;

import io.polystore.rest.store.PgPoolDeadlines;
import io.polystore.rest.store.StoreConfig;
import jakarta.inject.Singleton;

/** The chassis' acquisition timeout and bounded wait queue for the mandates pool. */
@Singleton
class PoolDeadlines extends PgPoolDeadlines {

    PoolDeadlines(StoreConfig config) {
        super(config);
    }
}
