package io.polystore.catalog.product;

import io.polystore.rest.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filters of the product list, as Cypher predicates on node {@code p}. Each filter reads the properties that mean
 * it for each type (cooling is a power source's and a torch's {@code cooling} and a feeder's {@code cooling_type});
 * property names come from here, values are parameters.
 *
 * @param type
 *            null: every type
 * @param minCurrent
 *            null: no minimum; otherwise a power source's current output or a torch's amperage, in A, at least this
 */
public record ProductFilter(ProductType type, String process, Integer minCurrent, String cooling, String category) {

    private record Target(ProductType type, String property, String operator) {
    }

    private static final Map<String, List<Target>> TARGETS = Map.of(
            "process", List.of(new Target(ProductType.POWER_SOURCE, "process", "=")),
            "minCurrent", List.of(new Target(ProductType.POWER_SOURCE, "current_output_a", ">="),
                    new Target(ProductType.TORCH, "amperage_a", ">=")),
            "cooling", List.of(new Target(ProductType.POWER_SOURCE, "cooling", "="),
                    new Target(ProductType.TORCH, "cooling", "="),
                    new Target(ProductType.FEEDER, "cooling_type", "=")),
            "category", List.of(new Target(ProductType.ACCESSORY, "category", "=")));

    /** The predicates, joined by AND; a filter that no product of {@code type} can meet is a 400 naming it. */
    public String where(Map<String, Object> parameters) {
        List<String> predicates = new ArrayList<>();
        add(predicates, parameters, "process", process);
        add(predicates, parameters, "minCurrent", minCurrent);
        add(predicates, parameters, "cooling", cooling);
        add(predicates, parameters, "category", category);
        return String.join(" AND ", predicates);
    }

    private void add(List<String> predicates, Map<String, Object> parameters, String filter, Object value) {
        if (value == null) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        for (Target target : TARGETS.get(filter)) {
            if (type == null || type == target.type()) {
                alternatives.add("p." + target.property() + " " + target.operator() + " $" + filter);
            }
        }
        if (alternatives.isEmpty()) {
            throw ProblemException.badField(filter, "does not apply to products of type " + type.label());
        }
        parameters.put(filter, value);
        predicates.add(alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")");
    }

}
