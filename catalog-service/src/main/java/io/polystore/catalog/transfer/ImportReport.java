package io.polystore.catalog.transfer;

import java.util.List;

/**
 * What an import did, or would do with {@code --dry-run}: nothing is written when a line is invalid.
 *
 * @param errorCount
 *            every error found; {@code errors} keeps the first {@value CatalogFile#MAX_ERRORS}
 */
public record ImportReport(boolean dryRun, boolean written, int products, int compatibilities, int productsCreated,
        int relationshipsCreated, long errorCount, List<LineError> errors) {
}
