package io.polystore.catalog.transfer;

import io.polystore.catalog.compatibility.Compatibility;
import io.polystore.catalog.product.Product;
import io.polystore.catalog.product.ProductType;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An import file, read whole and checked on its own: each line ({@link CatalogLines}), then across lines (a GIN or a
 * relationship given twice, a relationship whose ends in the file have the wrong types). Ends that are not in the file
 * are left for the importer to look up in the graph ({@link #unresolved()}).
 */
public final class CatalogFile {

    /** At most this many errors are kept (all are counted). */
    static final int MAX_ERRORS = 1000;

    private final List<Numbered<Product>> products = new ArrayList<>();
    private final List<Numbered<Compatibility>> compatibilities = new ArrayList<>();
    private final Map<String, Numbered<Product>> byGin = new HashMap<>();
    private final Map<String, Long> relationshipLines = new HashMap<>();
    private final Map<String, List<Reference>> unresolved = new LinkedHashMap<>();
    private final List<LineError> errors = new ArrayList<>();
    private long errorCount;

    private CatalogFile() {
    }

    public static CatalogFile read(BufferedReader reader) throws IOException {
        CatalogFile file = new CatalogFile();
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank()) {
                file.add(number, line);
            }
        }
        file.checkEnds();
        return file;
    }

    private void add(long line, String text) {
        CatalogLines.Parsed parsed = CatalogLines.parse(text);
        parsed.errors().forEach(message -> error(line, message));
        if (parsed.product() != null) {
            Product product = parsed.product();
            Numbered<Product> earlier = byGin.putIfAbsent(product.gin(), new Numbered<>(line, product));
            if (earlier != null) {
                error(line, "gin: " + product.gin() + " is already on line " + earlier.line());
            } else {
                products.add(byGin.get(product.gin()));
            }
        } else if (parsed.compatibility() != null) {
            Compatibility compatibility = parsed.compatibility();
            Long earlier = relationshipLines.putIfAbsent(compatibility.from() + ">" + compatibility.to(), line);
            if (earlier != null) {
                error(line, "compatibility " + compatibility.from() + " -> " + compatibility.to()
                        + " is already on line " + earlier);
            } else {
                compatibilities.add(new Numbered<>(line, compatibility));
            }
        }
    }

    /** Ends given in the file must have the right types; the others are looked up in the graph later. */
    private void checkEnds() {
        for (Numbered<Compatibility> numbered : compatibilities) {
            Compatibility compatibility = numbered.value();
            Numbered<Product> from = byGin.get(compatibility.from());
            Numbered<Product> to = byGin.get(compatibility.to());
            if (from == null) {
                unresolved.computeIfAbsent(compatibility.from(), gin -> new ArrayList<>())
                        .add(new Reference(numbered.line(), "from"));
            } else {
                checkEnd(numbered.line(), "from", compatibility.from(), from.value().type());
            }
            if (to == null) {
                unresolved.computeIfAbsent(compatibility.to(), gin -> new ArrayList<>())
                        .add(new Reference(numbered.line(), "to"));
            } else {
                checkEnd(numbered.line(), "to", compatibility.to(), to.value().type());
            }
        }
    }

    /**
     * A relationship goes from a component to a power source: {@code from} must not be a power source, {@code to} must
     * be one.
     */
    void checkEnd(long line, String end, String gin, ProductType type) {
        if (type == null) {
            error(line, end + ": " + gin + " has no product type label in the catalog");
        } else if ("from".equals(end) && type == ProductType.POWER_SOURCE) {
            error(line, "from: " + gin + " is a PowerSource; a compatibility goes from a component to a power source");
        } else if ("to".equals(end) && type != ProductType.POWER_SOURCE) {
            error(line, "to: " + gin + " is a " + type.label() + ", not a PowerSource");
        }
    }

    void error(long line, String message) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new LineError(line, message));
        }
    }

    public List<Numbered<Product>> products() {
        return products;
    }

    public List<Numbered<Compatibility>> compatibilities() {
        return compatibilities;
    }

    /** A relationship's end ({@code from} or {@code to}) on a line. */
    public record Reference(long line, String end) {
    }

    /** GINs that relationships name but the file does not define, with where they are named. */
    public Map<String, List<Reference>> unresolved() {
        return unresolved;
    }

    /** The kept errors, in line order. */
    public List<LineError> errors() {
        List<LineError> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> Long.compare(a.line(), b.line()));
        return sorted;
    }

    public long errorCount() {
        return errorCount;
    }
}
