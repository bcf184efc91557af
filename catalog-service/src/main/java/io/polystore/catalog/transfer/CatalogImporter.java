package io.polystore.catalog.transfer;

import io.polystore.catalog.compatibility.CompatibilityRepository;
import io.polystore.catalog.config.CatalogConfig;
import io.polystore.catalog.graph.Graph;
import io.polystore.catalog.product.Product;
import io.polystore.catalog.product.ProductRepository;
import io.polystore.catalog.product.ProductType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import org.neo4j.driver.async.ResultCursor;

/**
 * Loads a {@link CatalogFile} into the graph. Everything is checked before anything is written: the file's own errors,
 * then against the graph (a relationship to a GIN that exists nowhere, a product whose type change would break its
 * relationships). Then products, type by type, and relationships are upserted in batches of
 * {@code catalog.import-batch-size}, one transaction each, so importing a file again changes no counts.
 */
@ApplicationScoped
public class CatalogImporter {

    private static final int LOOKUP_CHUNK = 5000;

    /** What the graph holds for one GIN: its type label (null: unknown GIN) and its relationship counts. */
    private record Existing(ProductType type, long outgoing, long incoming) {
    }

    private final Graph graph;
    private final ProductRepository products;
    private final CompatibilityRepository compatibilities;
    private final Clock clock;
    private final int batchSize;

    CatalogImporter(Graph graph, ProductRepository products, CompatibilityRepository compatibilities, Clock clock,
            CatalogConfig config) {
        this.graph = graph;
        this.products = products;
        this.compatibilities = compatibilities;
        this.clock = clock;
        this.batchSize = config.catalog().importBatchSize();
    }

    public Uni<ImportReport> load(CatalogFile file, boolean dryRun) {
        List<String> gins = new ArrayList<>(file.unresolved().keySet());
        file.products().forEach(p -> gins.add(p.value().gin()));
        return lookUp(gins).flatMap(existing -> {
            checkAgainstGraph(file, existing);
            if (file.errorCount() > 0 || dryRun) {
                return Uni.createFrom().item(report(file, dryRun, false, 0, 0));
            }
            return write(file).map(created -> report(file, false, true, created[0], created[1]));
        });
    }

    private void checkAgainstGraph(CatalogFile file, Map<String, Existing> existing) {
        file.unresolved().forEach((gin, references) -> {
            Existing found = existing.get(gin);
            for (CatalogFile.Reference reference : references) {
                if (found == null) {
                    file.error(reference.line(),
                            reference.end() + ": no product with GIN " + gin + " in this file or in the catalog");
                } else {
                    file.checkEnd(reference.line(), reference.end(), gin, found.type());
                }
            }
        });
        for (Numbered<Product> numbered : file.products()) {
            Product product = numbered.value();
            Existing found = existing.get(product.gin());
            if (found == null || found.type() == product.type()) {
                continue;
            }
            if (product.type() == ProductType.POWER_SOURCE && found.outgoing() > 0) {
                file.error(numbered.line(), "type: " + product.gin() + " is a " + found.type().label()
                        + " compatible with power sources; as a PowerSource those relationships would join two power "
                        + "sources (delete it with --detach first)");
            } else if (found.type() == ProductType.POWER_SOURCE && found.incoming() > 0) {
                file.error(numbered.line(), "type: " + product.gin() + " is a PowerSource with compatible components; "
                        + "as a " + product.type().label() + " it could not have them (delete it with --detach first)");
            }
        }
    }

    private Uni<Map<String, Existing>> lookUp(List<String> gins) {
        List<List<String>> chunks = chunks(gins, LOOKUP_CHUNK);
        String query = "UNWIND $gins AS gin MATCH (p:Product {gin: gin}) "
                + "RETURN gin, labels(p) AS labels, COUNT { (p)-[:COMPATIBLE_WITH]->() } AS outgoing, "
                + "COUNT { (p)<-[:COMPATIBLE_WITH]-() } AS incoming";
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> graph.read(
                        tx -> tx.runAsync(query, Map.of("gins", chunk)).thenCompose(ResultCursor::listAsync)))
                .collect().in(HashMap::new, (Map<String, Existing> found, List<Record> records) -> records
                        .forEach(r -> found.put(r.get("gin").asString(), new Existing(
                                ProductType.fromLabels(r.get("labels").asList(v -> v.asString())).orElse(null),
                                r.get("outgoing").asLong(), r.get("incoming").asLong()))));
    }

    /** Products (type by type), then relationships; returns {products created, relationships created}. */
    private Uni<int[]> write(CatalogFile file) {
        Instant now = clock.instant();
        Map<ProductType, List<Product>> byType = new EnumMap<>(ProductType.class);
        file.products().forEach(p -> byType.computeIfAbsent(p.value().type(), t -> new ArrayList<>()).add(p.value()));
        List<Uni<Integer>> productBatches = new ArrayList<>();
        byType.forEach((type, list) -> chunks(list, batchSize)
                .forEach(batch -> productBatches
                        .add(Uni.createFrom().deferred(() -> products.upsert(type, batch, now)))));
        List<Uni<Integer>> relationshipBatches = new ArrayList<>();
        chunks(file.compatibilities().stream().map(Numbered::value).toList(), batchSize)
                .forEach(batch -> relationshipBatches
                        .add(Uni.createFrom().deferred(() -> compatibilities.upsert(batch, now))));
        return sequentially(productBatches).flatMap(nodes -> sequentially(relationshipBatches)
                .map(relationships -> new int[]{nodes, relationships}));
    }

    private static Uni<Integer> sequentially(List<Uni<Integer>> batches) {
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> batch)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private static ImportReport report(CatalogFile file, boolean dryRun, boolean written, int productsCreated,
            int relationshipsCreated) {
        return new ImportReport(dryRun, written, file.products().size(), file.compatibilities().size(),
                productsCreated, relationshipsCreated, file.errorCount(), file.errors());
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }
}
