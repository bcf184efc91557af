package io.polystore.incident.store;

import io.polystore.rest.store.MySqlPoolDeadlines;
import io.polystore.rest.store.StoreConfig;
import jakarta.inject.Singleton;

/** The chassis' acquisition timeout and bounded wait queue for the incidents pool. */
@Singleton
class PoolDeadlines extends MySqlPoolDeadlines {

    PoolDeadlines(StoreConfig config) {
        super(config);
    }
}
