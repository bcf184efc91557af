package io.polystore.catalog;

import io.polystore.devstack.test.Neo4jTestResource;
import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against one real Neo4j server, started once per JVM. */
@QuarkusTestResource(IdentityTestResource.class)
@QuarkusTestResource(Neo4jTestResource.class)
public final class CatalogStoreResource {

    private CatalogStoreResource() {
    }
}
