package io.polystore.catalog.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.polystore.catalog.compatibility.Compatibility;
import io.polystore.catalog.compatibility.CompatibilityType;
import io.polystore.catalog.product.Product;
import io.polystore.catalog.product.ProductProperty;
import io.polystore.catalog.product.ProductType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's file format, JSON lines: one product or one compatibility per line, the same for import and export.
 *
 * <pre>
 * {"kind":"product","gin":"0446200880","type":"PowerSource","name":"Aristo 500ix","description":"...",
 *  "properties":{"process":"MIG (GMAW)","currentOutput":"500 A","cooling":"Water-cooled"}}
 * {"kind":"compatibility","from":"0460460001","to":"0446200880","compatibilityType":"certified","notes":"..."}
 * </pre>
 *
 * Optional {@code createdAt}/{@code updatedAt} (ISO-8601) restore an export's timestamps. Numeric copies of measures
 * ({@code currentOutputA}) are never in the file: the import derives them. Reading checks one line on its own (syntax,
 * members, types, lengths); what needs other lines or the graph is the importer's.
 */
public final class CatalogLines {

    /** Longest line read; a longer one is an error, not a memory problem. */
    public static final int MAX_LINE = 16_384;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> PRODUCT_MEMBERS = Set.of("kind", "gin", "type", "name", "description",
            "properties", "createdAt", "updatedAt");
    private static final Set<String> COMPATIBILITY_MEMBERS = Set.of("kind", "from", "to", "compatibilityType", "notes",
            "createdAt");

    private CatalogLines() {
    }

    /** What one line holds: a product, a compatibility, or the reasons it is invalid. */
    public record Parsed(Product product, Compatibility compatibility, List<String> errors) {
    }

    public static Parsed parse(String line) {
        List<String> errors = new ArrayList<>();
        if (line.length() > MAX_LINE) {
            return invalid("longer than " + MAX_LINE + " characters");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return invalid("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return invalid("not a JSON object");
        }
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isTextual()) {
            return invalid("kind: required, \"product\" or \"compatibility\"");
        }
        return switch (kind.asText()) {
            case "product" -> product(node, errors);
            case "compatibility" -> compatibility(node, errors);
            default -> invalid("kind: must be \"product\" or \"compatibility\"");
        };
    }

    private static Parsed product(JsonNode node, List<String> errors) {
        unknownMembers(node, PRODUCT_MEMBERS, errors);
        String gin = gin(node, "gin", errors);
        String typeLabel = text(node, "type", true, 40, errors);
        ProductType type = null;
        if (typeLabel != null) {
            type = ProductType.fromLabel(typeLabel).orElse(null);
            if (type == null) {
                errors.add("type: must be one of " + ProductType.labels());
            }
        }
        String name = text(node, "name", true, Product.MAX_NAME, errors);
        String description = text(node, "description", false, Product.MAX_DESCRIPTION, errors);
        Map<String, Object> values = type == null ? Map.of() : values(node.get("properties"), type, errors);
        Instant createdAt = instant(node, "createdAt", errors);
        Instant updatedAt = instant(node, "updatedAt", errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, null, errors);
        }
        return new Parsed(new Product(gin, name, type, description, values, createdAt, updatedAt), null, errors);
    }

    private static Map<String, Object> values(JsonNode properties, ProductType type, List<String> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (properties == null || properties.isNull()) {
            return values;
        }
        if (!properties.isObject()) {
            errors.add("properties: must be an object");
            return values;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            String field = "properties." + member.getKey();
            ProductProperty property = type.property(member.getKey()).orElse(null);
            if (property == null) {
                errors.add(field + ": not a property of " + type.label() + " (allowed: " + String.join(", ",
                        type.properties().stream().map(ProductProperty::field).toList()) + ")");
                continue;
            }
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            if (property.kind() == ProductProperty.Kind.FLAG) {
                if (value.isBoolean()) {
                    values.put(property.name(), value.booleanValue());
                } else {
                    errors.add(field + ": must be true or false");
                }
                continue;
            }
            String text = checkedText(value, field, ProductProperty.MAX_TEXT, errors);
            if (text == null) {
                continue;
            }
            if (property.kind() == ProductProperty.Kind.MEASURE && property.parse(text).isEmpty()) {
                errors.add(field + ": must be " + property.example());
                continue;
            }
            values.put(property.name(), text);
        }
        return values;
    }

    private static Parsed compatibility(JsonNode node, List<String> errors) {
        unknownMembers(node, COMPATIBILITY_MEMBERS, errors);
        String from = gin(node, "from", errors);
        String to = gin(node, "to", errors);
        String typeValue = text(node, "compatibilityType", true, 40, errors);
        CompatibilityType type = null;
        if (typeValue != null) {
            type = CompatibilityType.of(typeValue).orElse(null);
            if (type == null) {
                errors.add("compatibilityType: must be one of " + CompatibilityType.spellings());
            }
        }
        String notes = text(node, "notes", false, Compatibility.MAX_NOTES, errors);
        Instant createdAt = instant(node, "createdAt", errors);
        if (from != null && from.equals(to)) {
            errors.add("to: a product cannot be compatible with itself");
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, null, errors);
        }
        return new Parsed(null, new Compatibility(from, to, type, notes, createdAt), errors);
    }

    /** The line that {@link #parse} reads back as {@code product}. */
    public static String format(Product product) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", "product");
        node.put("gin", product.gin());
        node.put("type", product.type().label());
        node.put("name", product.name());
        if (product.description() != null) {
            node.put("description", product.description());
        }
        ObjectNode properties = node.putObject("properties");
        for (ProductProperty property : product.type().properties()) {
            Object value = product.values().get(property.name());
            if (value instanceof Boolean flag) {
                properties.put(property.field(), flag);
            } else if (value != null) {
                properties.put(property.field(), value.toString());
            }
        }
        if (product.createdAt() != null) {
            node.put("createdAt", product.createdAt().toString());
        }
        if (product.updatedAt() != null) {
            node.put("updatedAt", product.updatedAt().toString());
        }
        return node.toString();
    }

    /** The line that {@link #parse} reads back as {@code compatibility}. */
    public static String format(Compatibility compatibility) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", "compatibility");
        node.put("from", compatibility.from());
        node.put("to", compatibility.to());
        node.put("compatibilityType", compatibility.type().value());
        if (compatibility.notes() != null) {
            node.put("notes", compatibility.notes());
        }
        if (compatibility.createdAt() != null) {
            node.put("createdAt", compatibility.createdAt().toString());
        }
        return node.toString();
    }

    private static Parsed invalid(String error) {
        return new Parsed(null, null, List.of(error));
    }

    private static void unknownMembers(JsonNode node, Set<String> allowed, List<String> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                errors.add(name + ": unknown member");
            }
        });
    }

    private static String gin(JsonNode node, String field, List<String> errors) {
        String gin = text(node, field, true, 10, errors);
        if (gin != null && !Product.GIN.matcher(gin).matches()) {
            errors.add(field + ": a GIN is ten digits, e.g. \"0446200880\"");
            return null;
        }
        return gin;
    }

    private static String text(JsonNode node, String field, boolean required, int maxLength, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(field + ": required");
            }
            return null;
        }
        return checkedText(value, field, maxLength, errors);
    }

    private static String checkedText(JsonNode value, String field, int maxLength, List<String> errors) {
        if (!value.isTextual()) {
            errors.add(field + ": must be a string");
            return null;
        }
        String text = value.asText();
        if (text.isBlank()) {
            errors.add(field + ": must not be blank");
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            errors.add(field + ": at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    private static Instant instant(JsonNode node, String field, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            try {
                return Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(field + ": must be an ISO-8601 instant in UTC, e.g. \"2026-11-30T08:00:00Z\"");
        return null;
    }
}
