package io.polystore.mandate.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.rest.problem.ProblemException;

/**
 * The {@code contains} query parameter: a JSON object or array that an archived session's conversation, parameters or
 * selections must contain (PostgreSQL's {@code @>}, served by the three GIN indexes). Bounded so that one request
 * cannot make the database match an arbitrarily large document: at most {@link #MAX_LENGTH} characters and
 * {@link #MAX_DEPTH} levels of nesting. Always a bound parameter, never part of the SQL text.
 */
final class ContainsFilter {

    static final int MAX_LENGTH = 1024;
    static final int MAX_DEPTH = 6;

    private ContainsFilter() {
    }

    /** The normalised JSON text, or null when absent; anything else than a bounded object or array is a 400. */
    static String parse(ObjectMapper mapper, String contains) {
        if (contains == null || contains.isEmpty()) {
            return null;
        }
        if (contains.length() > MAX_LENGTH) {
            throw ProblemException.badField("contains", "must be at most " + MAX_LENGTH + " characters");
        }
        JsonNode document;
        try {
            document = mapper.readTree(contains);
        } catch (JsonProcessingException e) {
            throw ProblemException.badField("contains", "is not JSON");
        }
        if (document == null || !(document.isObject() || document.isArray())) {
            throw ProblemException.badField("contains", "must be a JSON object or array");
        }
        if (depth(document) > MAX_DEPTH) {
            throw ProblemException.badField("contains", "must nest at most " + MAX_DEPTH + " levels");
        }
        return document.toString();
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }
}
