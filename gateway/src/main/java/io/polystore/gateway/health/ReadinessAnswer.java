package io.polystore.gateway.health;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a service's SmallRye Health readiness answer: {@code {"status":"UP|DOWN","checks":[{"name":..,"status":..}]}}
 * with one check per store, named as {@code /health} reports the store.
 */
final class ReadinessAnswer {

    private static final int MAX_ERROR_LENGTH = 200;

    private ReadinessAnswer() {
    }

    static ProbeResult interpret(ServiceTarget target, int httpStatus, Buffer body, long latencyMs) {
        JsonObject json = parse(body);
        if (json == null || !(json.getValue("status") instanceof String status)) {
            return unanswered(target, "HTTP " + httpStatus + " without readiness JSON", latencyMs);
        }
        Map<String, String> checks = checks(json.getValue("checks"));
        Map<String, DatabaseState> databases = new LinkedHashMap<>();
        for (String database : target.databases()) {
            databases.put(database, state(checks.get(database)));
        }
        if (httpStatus == 200 && "UP".equals(status)) {
            return new ProbeResult(target.name(), new ServiceHealth(ServiceState.UP, latencyMs, null), databases);
        }
        List<String> failing = new ArrayList<>();
        checks.forEach((name, checkStatus) -> {
            if ("DOWN".equals(checkStatus)) {
                failing.add(name);
            }
        });
        String error = failing.isEmpty()
                ? "HTTP " + httpStatus + ", readiness " + status
                : "checks down: " + String.join(", ", failing);
        return new ProbeResult(target.name(), new ServiceHealth(ServiceState.DOWN, latencyMs, shorten(error)),
                databases);
    }

    /** The service gave no usable answer: nothing is known about its stores. */
    static ProbeResult unanswered(ServiceTarget target, String error, long latencyMs) {
        Map<String, DatabaseState> databases = new LinkedHashMap<>();
        for (String database : target.databases()) {
            databases.put(database, DatabaseState.UNKNOWN);
        }
        return new ProbeResult(target.name(), new ServiceHealth(ServiceState.DOWN, latencyMs, shorten(error)),
                databases);
    }

    private static JsonObject parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return new JsonObject(body);
        } catch (RuntimeException notJsonObject) {
            return null;
        }
    }

    private static Map<String, String> checks(Object value) {
        Map<String, String> checks = new LinkedHashMap<>();
        if (value instanceof JsonArray array) {
            for (Object entry : array) {
                if (entry instanceof JsonObject check && check.getValue("name") instanceof String name) {
                    checks.put(name, String.valueOf(check.getValue("status")));
                }
            }
        }
        return checks;
    }

    private static DatabaseState state(String checkStatus) {
        if ("UP".equals(checkStatus)) {
            return DatabaseState.CONNECTED;
        }
        return "DOWN".equals(checkStatus) ? DatabaseState.DISCONNECTED : DatabaseState.UNKNOWN;
    }

    private static String shorten(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }
}
