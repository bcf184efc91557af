package io.polystore.rest.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every scope an API key or a service token can carry: the one list of their names. A data scope opens one area of the
 * API (one service); a read-only twin ({@link #MANDATES_READ}) opens only the {@code GET}/{@code HEAD} requests of the
 * area its full scope opens; the management scopes ({@link #KEYS_MANAGE}, {@link #WEBHOOKS_MANAGE}) are never given
 * unless asked for by name; {@link #INTERNAL} is never on an API key, only on the tokens services present to each
 * other's {@code /internal/**} endpoints.
 */
public final class Scopes {

    public static final String INCIDENTS = "incidents";
    public static final String MANDATES = "mandates";
    public static final String SESSIONS = "sessions";
    public static final String CATALOG = "catalog";
    public static final String PAYMENTS = "payments";
    /** {@link #MANDATES}' read-only twin: {@code GET}/{@code HEAD} of what {@code mandates} opens. */
    public static final String MANDATES_READ = "mandates:read";
    public static final String KEYS_MANAGE = "keys:manage";
    /**
     * Managing webhooks ({@code /api/webhooks}): a webhook sends data to an address of the caller's choosing, so this
     * is a management scope, given only when named.
     */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    public static final String INTERNAL = "internal";

    /** The data scopes, one per service; a new API key gets these unless told otherwise. */
    public static final List<String> DATA = List.of(INCIDENTS, MANDATES, SESSIONS, CATALOG, PAYMENTS);

    /** Scopes a key gets only when they are asked for by name: never by default, never inherited. */
    public static final List<String> MANAGEMENT = List.of(KEYS_MANAGE, WEBHOOKS_MANAGE);

    /** What an API key may carry. */
    public static final List<String> KEY_SCOPES = List.of(INCIDENTS, MANDATES, MANDATES_READ, SESSIONS, CATALOG,
            PAYMENTS, KEYS_MANAGE, WEBHOOKS_MANAGE);

    /** Each read-only twin and the full scope it is the twin of. */
    private static final Map<String, String> FULL_SCOPE_OF_READ_ONLY = Map.of(MANDATES_READ, MANDATES);

    private Scopes() {
    }

    public static boolean isKeyScope(String scope) {
        return KEY_SCOPES.contains(scope);
    }

    /** The full scope {@code readOnly} is the read-only twin of, if it is one ({@code mandates:read} → mandates). */
    public static Optional<String> fullScopeOf(String readOnly) {
        return Optional.ofNullable(FULL_SCOPE_OF_READ_ONLY.get(readOnly));
    }

    /** The read-only twin of {@code scope}, if it has one ({@code mandates} → {@code mandates:read}). */
    public static Optional<String> readOnlyTwinOf(String scope) {
        return FULL_SCOPE_OF_READ_ONLY.entrySet().stream().filter(entry -> entry.getValue().equals(scope))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The methods a read-only twin opens: {@code GET} and {@code HEAD}, nothing that changes anything. */
    public static boolean isReadOnlyMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /**
     * Whether {@code held} opens a request with {@code method} to an area that needs {@code required}: the scope
     * itself, or for {@code GET}/{@code HEAD} its read-only twin.
     */
    public static boolean grants(Set<String> held, String required, String method) {
        return held.contains(required) || isReadOnlyMethod(method)
                && readOnlyTwinOf(required).filter(held::contains).isPresent();
    }

    /** Whether a key holding {@code held} may pass {@code scope} on: the scope itself, or the full scope of a twin. */
    public static boolean covers(Set<String> held, String scope) {
        return held.contains(scope) || fullScopeOf(scope).filter(held::contains).isPresent();
    }

    /** Parses the space-separated form of a token's {@code scope} claim (RFC 8693 4.2) and of a stored key. */
    public static Set<String> parse(String spaceSeparated) {
        Set<String> scopes = new LinkedHashSet<>();
        if (spaceSeparated != null) {
            for (String scope : spaceSeparated.split(" ")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
        return Set.copyOf(scopes);
    }

    /** The space-separated form, in the order of {@link #KEY_SCOPES} (then any other, sorted), so it is stable. */
    public static String format(Collection<String> scopes) {
        StringBuilder out = new StringBuilder();
        for (String known : KEY_SCOPES) {
            if (scopes.contains(known)) {
                out.append(out.isEmpty() ? "" : " ").append(known);
            }
        }
        scopes.stream().filter(scope -> !KEY_SCOPES.contains(scope)).sorted()
                .forEach(scope -> out.append(out.isEmpty() ? "" : " ").append(scope.toLowerCase(Locale.ROOT)));
        return out.toString();
    }
}
