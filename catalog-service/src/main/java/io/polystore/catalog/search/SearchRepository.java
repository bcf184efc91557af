package io.polystore.catalog.search;

import io.polystore.catalog.graph.Graph;
import io.polystore.catalog.product.ProductNodes;
import io.polystore.catalog.product.ProductType;
import io.polystore.catalog.product.ProductView;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.ClientException;

/** Full-text search on the {@code product_name_fulltext} index (names and descriptions of all six types). */
@ApplicationScoped
public class SearchRepository {

    static final String INDEX = "product_name_fulltext";

    private final Graph graph;

    SearchRepository(Graph graph) {
        this.graph = graph;
    }

    /**
     * The best {@code limit} matches of the Lucene query, by score, ties by GIN. Without a type the index itself stops
     * at {@code limit}; with one, its hits are filtered by label first.
     */
    public Uni<List<SearchHit>> search(String luceneQuery, ProductType type, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("query", luceneQuery);
        parameters.put("limit", limit);
        if (type != null) {
            parameters.put("label", type.label());
        }
        String query = query(type);
        return graph.read(tx -> tx.runAsync(query, parameters).thenCompose(ResultCursor::listAsync))
                .map(records -> records.stream()
                        .map(r -> new SearchHit(ProductView.of(ProductNodes.toProduct(r.get("node").asNode())),
                                r.get("score").asDouble()))
                        .toList())
                .onFailure(SearchRepository::unparsable)
                .transform(failure -> ProblemException.badField("q", "is not a query the index can run"));
    }

    /**
     * The search query (parameters {@code query}, {@code limit}, and {@code label} with a type); public for the
     * benchmark's PROFILE.
     */
    public static String query(ProductType type) {
        if (type == null) {
            return "CALL db.index.fulltext.queryNodes('" + INDEX + "', $query, {limit: $limit}) YIELD node, score "
                    + "RETURN node, score ORDER BY score DESC, node.gin LIMIT $limit";
        }
        return "CALL db.index.fulltext.queryNodes('" + INDEX + "', $query) YIELD node, score "
                + "WHERE $label IN labels(node) "
                + "RETURN node, score ORDER BY score DESC, node.gin LIMIT $limit";
    }

    /** Lucene refused the query: escaping should make this impossible, and if not it is the input's fault (400). */
    private static boolean unparsable(Throwable failure) {
        return failure instanceof ClientException client
                && client.code().startsWith("Neo.ClientError.Procedure.ProcedureCallFailed");
    }
}
