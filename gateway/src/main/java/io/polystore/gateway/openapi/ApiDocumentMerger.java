package io.polystore.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges the gateway's own OpenAPI document and every service's into the one document of the platform (Jackson trees;
 * nothing here does I/O):
 * <ul>
 * <li>paths: the gateway's own (not {@code /q/**}) and, from each service, the paths under the routes the gateway sends
 * it: what clients can call, as they call it;</li>
 * <li>components: a component another document already brought under the same name with other content (incident's
 * {@code Problem}, which declares {@code currentStatus}, {@code allowed}, {@code maxActive}) is renamed for its service
 * ({@code IncidentProblem}) and that service's {@code $ref}s follow; equal ones are kept once; what no path refers to
 * is dropped;</li>
 * <li>operation ids stay unique (a repeated one gets the service's prefix); tags are kept once by name;</li>
 * <li>info, servers, security and security schemes are the gateway's own (every service's come from the same chassis
 * filter);</li>
 * <li>{@value #MISSING}: the services (or {@code gateway}) whose document could not be had, so their operations are
 * absent; an empty list when none is.</li>
 * </ul>
 */
final class ApiDocumentMerger {

    static final String MISSING = "x-polystore-missing";
    static final String GATEWAY = "gateway";
    private static final String COMPONENTS_REF = "#/components/";
    private static final String SECURITY_SCHEMES = "securitySchemes";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One fetched document: the gateway's own (no routes: all its paths) or a service's (paths under its routes). */
    record Part(String name, ObjectNode document, List<String> routes) {
    }

    private ApiDocumentMerger() {
    }

    /** {@code own} may be null (its document could not be had); {@code missing} names whatever else is absent. */
    static ObjectNode merge(Part own, List<Part> services, List<String> missing) {
        ObjectNode merged = NODES.objectNode();
        ObjectNode ownDocument = own == null ? NODES.objectNode() : own.document();
        merged.put("openapi", ownDocument.path("openapi").asText("3.1.0"));
        merged.set("info", info(ownDocument.path("info")));
        copy(ownDocument, merged, "servers");
        copy(ownDocument, merged, "security");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Set<String> operationIds = new HashSet<>();
        List<Part> parts = new ArrayList<>();
        if (own != null) {
            parts.add(own);
        }
        parts.addAll(services);
        for (Part part : parts) {
            add(part, paths, components, tags, operationIds);
        }
        prune(merged);
        if (tags.isEmpty()) {
            merged.remove("tags");
        }
        ArrayNode absent = merged.putArray(MISSING);
        missing.forEach(absent::add);
        return merged;
    }

    private static ObjectNode info(JsonNode own) {
        ObjectNode info = NODES.objectNode();
        info.put("title", "Polystore");
        info.put("version", own.path("version").asText("unknown"));
        info.put("description", "Every service's public operations, as clients call them through the gateway, in one "
                + "document merged by the gateway from each service's own. `" + MISSING + "` names the services "
                + "whose document could not be fetched just now: their operations are absent, not gone.");
        if (own.has("license")) {
            info.set("license", own.get("license").deepCopy());
        }
        return info;
    }

    private static void add(Part part, ObjectNode paths, ObjectNode components, ArrayNode tags,
            Set<String> operationIds) {
        ObjectNode document = part.document().deepCopy();
        ObjectNode ownPaths = document.path("paths") instanceof ObjectNode object ? object : NODES.objectNode();
        ObjectNode kept = NODES.objectNode();
        ownPaths.fields().forEachRemaining(path -> {
            if (callable(path.getKey(), part.routes()) && !paths.has(path.getKey())) {
                kept.set(path.getKey(), path.getValue());
            }
        });
        document.set("paths", kept);
        ObjectNode ownComponents = document.path("components") instanceof ObjectNode object
                ? object
                : NODES.objectNode();
        Map<String, String> renames = renames(part.name(), ownComponents, components);
        rewriteRefs(document, renames);
        ownComponents.fields().forEachRemaining(group -> {
            if (!(group.getValue() instanceof ObjectNode members)) {
                return;
            }
            ObjectNode target = components.has(group.getKey())
                    ? (ObjectNode) components.get(group.getKey())
                    : components.putObject(group.getKey());
            members.fields().forEachRemaining(member -> {
                String name = renames.getOrDefault(group.getKey() + "/" + member.getKey(), member.getKey());
                if (!target.has(name)) {
                    target.set(name, member.getValue());
                }
            });
        });
        kept.fields().forEachRemaining(path -> {
            uniqueOperationIds(part.name(), path.getValue(), operationIds);
            paths.set(path.getKey(), path.getValue());
        });
        for (JsonNode tag : document.path("tags")) {
            String name = tag.path("name").asText();
            boolean known = false;
            for (JsonNode existing : tags) {
                known |= existing.path("name").asText().equals(name);
            }
            if (!known && !name.isEmpty()) {
                tags.add(tag);
            }
        }
    }

    /** The gateway's own paths but its management ones; a service's under its routes, as whole segments. */
    static boolean callable(String path, List<String> routes) {
        if (routes.isEmpty()) {
            return !path.equals("/q") && !path.startsWith("/q/");
        }
        for (String route : routes) {
            if (path.equals(route) || path.startsWith(route + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code group/name} → new name, for each component of this document that another document already brought with
     * other content. Renaming one changes the content of those that refer to it, so this repeats until nothing new
     * clashes. Security schemes are never renamed: requirements name them, and the gateway's own are kept.
     */
    private static Map<String, String> renames(String service, ObjectNode own, ObjectNode merged) {
        Map<String, String> renames = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            ObjectNode candidate = own.deepCopy();
            rewriteRefs(candidate, renames);
            for (Iterator<Map.Entry<String, JsonNode>> groups = candidate.fields(); groups.hasNext();) {
                Map.Entry<String, JsonNode> group = groups.next();
                JsonNode existing = merged.path(group.getKey());
                if (group.getKey().equals(SECURITY_SCHEMES) || !existing.isObject()) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> members = group.getValue().fields(); members.hasNext();) {
                    Map.Entry<String, JsonNode> member = members.next();
                    String key = group.getKey() + "/" + member.getKey();
                    if (!renames.containsKey(key) && existing.has(member.getKey())
                            && !existing.get(member.getKey()).equals(member.getValue())) {
                        renames.put(key, freeName(prefix(service) + member.getKey(), (ObjectNode) existing));
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private static String freeName(String wanted, ObjectNode taken) {
        String name = wanted;
        for (int n = 2; taken.has(name); n++) {
            name = wanted + n;
        }
        return name;
    }

    /** {@code incident-service} → {@code Incident}. */
    static String prefix(String service) {
        StringBuilder prefix = new StringBuilder();
        for (String word : service.replaceFirst("-service$", "").split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                prefix.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return prefix.toString();
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String[] target = target(ref.asText());
                if (target != null && renames.containsKey(target[0] + "/" + target[1])) {
                    object.put("$ref", COMPONENTS_REF + target[0] + "/" + renames.get(target[0] + "/" + target[1])
                            + target[2]);
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    /** {@code #/components/schemas/Problem/properties/x} → {schemas, Problem, /properties/x}; null for other refs. */
    private static String[] target(String ref) {
        if (!ref.startsWith(COMPONENTS_REF)) {
            return null;
        }
        String[] parts = ref.substring(COMPONENTS_REF.length()).split("/", 3);
        if (parts.length < 2) {
            return null;
        }
        return new String[]{parts[0], parts[1], parts.length == 3 ? "/" + parts[2] : ""};
    }

    private static void uniqueOperationIds(String service, JsonNode pathItem, Set<String> taken) {
        pathItem.fields().forEachRemaining(operation -> {
            if (operation.getValue() instanceof ObjectNode body && body.path("operationId").isTextual()) {
                String id = body.get("operationId").asText();
                if (!taken.add(id)) {
                    String renamed = freeId(prefix(service).toLowerCase(Locale.ROOT)
                            + id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1), taken);
                    taken.add(renamed);
                    body.put("operationId", renamed);
                }
            }
        });
    }

    private static String freeId(String wanted, Set<String> taken) {
        String id = wanted;
        for (int n = 2; taken.contains(id); n++) {
            id = wanted + n;
        }
        return id;
    }

    /** Drops every component (but security schemes) that nothing outside the components refers to, transitively. */
    private static void prune(ObjectNode merged) {
        ObjectNode components = (ObjectNode) merged.get("components");
        Set<String> reachable = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        merged.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("components")) {
                pending.add(field.getValue());
            }
        });
        while (!pending.isEmpty()) {
            for (String[] target : refs(pending.pop())) {
                JsonNode component = components.path(target[0]).path(target[1]);
                if (!component.isMissingNode() && reachable.add(target[0] + "/" + target[1])) {
                    pending.add(component);
                }
            }
        }
        List<String> emptyGroups = new ArrayList<>();
        components.fields().forEachRemaining(group -> {
            if (!group.getKey().equals(SECURITY_SCHEMES) && group.getValue() instanceof ObjectNode members) {
                List<String> unused = new ArrayList<>();
                members.fieldNames().forEachRemaining(name -> {
                    if (!reachable.contains(group.getKey() + "/" + name)) {
                        unused.add(name);
                    }
                });
                members.remove(unused);
            }
            if (group.getValue().isEmpty()) {
                emptyGroups.add(group.getKey());
            }
        });
        components.remove(emptyGroups);
        if (components.isEmpty()) {
            merged.remove("components");
        }
    }

    private static List<String[]> refs(JsonNode node) {
        List<String[]> found = new ArrayList<>();
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(node));
        while (!pending.isEmpty()) {
            JsonNode next = pending.pop();
            if (next.isObject() && next.path("$ref").isTextual()) {
                String[] target = target(next.get("$ref").asText());
                if (target != null) {
                    found.add(target);
                }
            }
            if (next.isContainerNode()) {
                next.elements().forEachRemaining(pending::add);
            }
        }
        return found;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field).deepCopy());
        }
    }
}
