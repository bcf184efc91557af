package io.polystore.session.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.polystore.rest.problem.ProblemException;
import java.util.List;

/** The bounds of every input, so that one session stays a reasonable Redis value (well under 2 MB). */
public final class SessionLimits {

    public static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,6})?";
    public static final String GIN = "[0-9]{10}";
    public static final String SESSION_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    public static final int MAX_MESSAGE_LENGTH = 4000;
    public static final int MAX_MESSAGES = 300;
    public static final int MAX_JSON_LENGTH = 16384;
    public static final int MAX_JSON_DEPTH = 8;
    /** The catalog's product types, as catalog-service spells them. */
    public static final List<String> PRODUCT_TYPES = List.of("PowerSource", "Feeder", "Cooler", "Interconnector",
            "Torch", "Accessory");

    private SessionLimits() {
    }

    /** {@code masterParameters}: absent, or a JSON object within the size and depth bounds; else a 400 naming it. */
    static JsonNode parameters(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ProblemException.badField(field, "must be a JSON object");
        }
        if (value.toString().length() > MAX_JSON_LENGTH) {
            throw ProblemException.badField(field, "must be at most " + MAX_JSON_LENGTH + " characters as JSON");
        }
        if (depth(value) > MAX_JSON_DEPTH) {
            throw ProblemException.badField(field, "must nest at most " + MAX_JSON_DEPTH + " levels");
        }
        return value;
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }
}
