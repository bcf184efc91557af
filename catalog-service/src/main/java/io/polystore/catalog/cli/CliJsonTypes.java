package io.polystore.catalog.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types the ops command line prints with {@code --json} (or reads into) that Quarkus does not register by itself:
 * Jackson reaches their accessors by reflection, which a native executable allows only for registered classes.
 * deploy/native-check's NativeRegistrationCheck finds the ones missing here.
 */
@RegisterForReflection(classNames = {
        "io.polystore.catalog.cli.CatalogCommand$Deleted",
        "io.polystore.catalog.cli.CatalogCommand$Exported",
        "io.polystore.catalog.cli.CatalogCommand$Generated",
        "io.polystore.catalog.cli.CatalogCommand$Wiped",
        "io.polystore.catalog.cli.DbCommand$Unlocked",
        "io.polystore.catalog.product.ProductRepository$Deletion",
        "io.polystore.catalog.schema.SchemaMigrations$Migrated",
        "io.polystore.catalog.schema.SchemaMigrations$Migration",
        "io.polystore.catalog.schema.SchemaMigrations$Status",
        "io.polystore.catalog.stats.CatalogStats$Counts",
        "io.polystore.catalog.transfer.CatalogExporter$Page",
        "io.polystore.catalog.transfer.ImportReport",
        "io.polystore.catalog.transfer.LineError"})
final class CliJsonTypes {

    private CliJsonTypes() {
    }
}
