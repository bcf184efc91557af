package io.polystore.catalog.packages;

import io.polystore.catalog.compatibility.CompatibleComponent;
import io.polystore.catalog.graph.Graph;
import io.polystore.catalog.product.ProductNodes;
import io.polystore.catalog.product.ProductView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.async.ResultCursor;

/**
 * Builds complete welding packages in one Cypher query. A power source qualifies when its process is the one asked for,
 * its current output ({@code current_output_a}) is at least {@code minCurrent} (0 when not given) and, if asked, its
 * cooling matches. It needs a Feeder and an Interconnector unless {@code feeder_required} is false, a Cooler when it is
 * water-cooled without {@code integrated_cooler}, and always a Torch; one that lacks a compatible component of a type
 * it needs is left out.
 *
 * <p>
 * <b>Ranking.</b> Power sources: the smallest current output that meets {@code minCurrent} first (the package is not
 * oversized), ties by GIN. In each package, per type: a certified component before a merely compatible one, then the
 * lowest GIN; torches first by whether their amperage covers {@code minCurrent}, then certified, then a cooling that
 * matches the power source's. Accessories: all compatible ones (up to 20) by category, then GIN.
 */
@ApplicationScoped
public class PackageBuilder {

    static final int MAX_ACCESSORIES = 20;
    static final int MAX_INCOMPLETE = 10;

    private static final String CERTIFIED_FIRST = "r.compatibility_type = 'certified' DESC";
    private static final String PICK = "RETURN {node: c, type: r.compatibility_type, notes: r.notes}";

    /** The candidates with what each picked and misses; {@code %s} is the final filter and limit. */
    private static final String CANDIDATES = "MATCH (ps:PowerSource) "
            + "WHERE ps.process = $process AND ps.current_output_a >= $minCurrent "
            + "AND ($cooling IS NULL OR ps.cooling = $cooling) "
            + "WITH ps ORDER BY ps.current_output_a, ps.gin "
            + "WITH ps, coalesce(ps.feeder_required, true) AS needsFeeder, "
            + "ps.cooling = 'Water-cooled' AND NOT coalesce(ps.integrated_cooler, false) AS needsCooler "
            + "WITH ps, needsFeeder, needsCooler, "
            + pick("feeder", "Feeder", "needsFeeder", CERTIFIED_FIRST + ", c.gin") + ", "
            + pick("cooler", "Cooler", "needsCooler", CERTIFIED_FIRST + ", c.gin") + ", "
            + pick("interconnector", "Interconnector", "needsFeeder", CERTIFIED_FIRST + ", c.gin") + ", "
            + pick("torch", "Torch", "true", "coalesce(c.amperage_a >= $minCurrent, false) DESC, " + CERTIFIED_FIRST
                    + ", coalesce(c.cooling = ps.cooling, false) DESC, c.gin")
            + ", COLLECT { MATCH (c:Accessory)-[r:COMPATIBLE_WITH]->(ps) " + PICK
            + " ORDER BY c.category, c.gin LIMIT " + MAX_ACCESSORIES + " } AS accessories "
            + "WITH ps, feeder, cooler, interconnector, torch, accessories, "
            + "[missing IN [CASE WHEN needsFeeder AND size(feeder) = 0 THEN 'Feeder' END, "
            + "CASE WHEN needsCooler AND size(cooler) = 0 THEN 'Cooler' END, "
            + "CASE WHEN needsFeeder AND size(interconnector) = 0 THEN 'Interconnector' END, "
            + "CASE WHEN size(torch) = 0 THEN 'Torch' END] WHERE missing IS NOT NULL] AS missing "
            + "%s";

    /** The packages query (parameters process, minCurrent, cooling, limit); public for the benchmark's PROFILE. */
    public static final String COMPLETE = String.format(Locale.ROOT, CANDIDATES,
            "WHERE size(missing) = 0 RETURN ps, feeder, cooler, interconnector, torch, accessories LIMIT $limit");
    private static final String INCOMPLETE = String.format(Locale.ROOT, CANDIDATES,
            "WHERE size(missing) > 0 RETURN ps.gin AS gin, ps.name AS name, missing LIMIT " + MAX_INCOMPLETE);
    private static final String COUNTS = "MATCH (ps:PowerSource) WHERE ps.process = $process "
            + "RETURN count(ps) AS withProcess, "
            + "count(CASE WHEN ps.current_output_a >= $minCurrent THEN 1 END) AS strongEnough, "
            + "count(CASE WHEN ps.current_output_a >= $minCurrent AND ($cooling IS NULL OR ps.cooling = $cooling) "
            + "THEN 1 END) AS matching";

    private final Graph graph;

    PackageBuilder(Graph graph) {
        this.graph = graph;
    }

    private static String pick(String alias, String label, String needed, String order) {
        return "CASE WHEN " + needed + " THEN COLLECT { MATCH (c:" + label + ")-[r:COMPATIBLE_WITH]->(ps) " + PICK
                + " ORDER BY " + order + " LIMIT 1 } ELSE [] END AS " + alias;
    }

    public Uni<PackageAnswer> build(PackageRequest request) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("process", request.process());
        parameters.put("minCurrent", request.minCurrent() == null ? 0 : request.minCurrent());
        parameters.put("cooling", request.cooling());
        parameters.put("limit", request.limit() == null ? PackageRequest.DEFAULT_LIMIT : request.limit());
        return graph.read(tx -> tx.runAsync(COMPLETE, parameters).thenCompose(ResultCursor::listAsync))
                .flatMap(records -> records.isEmpty()
                        ? explain(request, parameters)
                        : Uni.createFrom().item(new PackageAnswer(packages(records), List.of(), List.of())));
    }

    private static List<WeldingPackage> packages(List<Record> records) {
        List<WeldingPackage> packages = new ArrayList<>();
        for (Record record : records) {
            packages.add(new WeldingPackage(packages.size() + 1,
                    ProductView.of(ProductNodes.toProduct(record.get("ps").asNode())),
                    first(record.get("feeder")), first(record.get("cooler")), first(record.get("interconnector")),
                    first(record.get("torch")), record.get("accessories").asList(PackageBuilder::component)));
        }
        return packages;
    }

    private static CompatibleComponent first(Value picks) {
        return picks.size() == 0 ? null : component(picks.get(0));
    }

    private static CompatibleComponent component(Value pick) {
        return new CompatibleComponent(ProductView.of(ProductNodes.toProduct(pick.get("node").asNode())),
                pick.get("type").asString(null), pick.get("notes").asString(null));
    }

    /** Why the answer is empty: no power source of the process, none strong enough, none cooled so, or incomplete. */
    private Uni<PackageAnswer> explain(PackageRequest request, Map<String, Object> parameters) {
        return graph.read(tx -> tx.runAsync(COUNTS, parameters).thenCompose(ResultCursor::singleAsync)
                .thenCompose(counts -> tx.runAsync(INCOMPLETE, parameters).thenCompose(ResultCursor::listAsync)
                        .thenApply(incomplete -> answer(request, parameters, counts, incomplete))));
    }

    private static PackageAnswer answer(PackageRequest request, Map<String, Object> parameters, Record counts,
            List<Record> incomplete) {
        List<String> reasons = new ArrayList<>();
        if (counts.get("withProcess").asLong() == 0) {
            reasons.add("no power source for process \"" + request.process() + "\"");
        } else if (counts.get("strongEnough").asLong() == 0) {
            reasons.add("no power source for process \"" + request.process() + "\" has a current output of at least "
                    + parameters.get("minCurrent") + " A");
        } else if (counts.get("matching").asLong() == 0) {
            reasons.add("no power source for process \"" + request.process() + "\" with at least "
                    + parameters.get("minCurrent") + " A is " + request.cooling());
        } else {
            reasons.add(counts.get("matching").asLong() + " power source(s) meet the requirements, but none has a "
                    + "compatible component of every type it needs");
        }
        List<PackageAnswer.Incomplete> left = incomplete.stream()
                .map(r -> new PackageAnswer.Incomplete(r.get("gin").asString(), r.get("name").asString(null),
                        r.get("missing").asList(Value::asString)))
                .toList();
        return new PackageAnswer(List.of(), reasons, left);
    }
}
