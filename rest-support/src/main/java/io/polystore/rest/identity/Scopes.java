package io.polystore.rest.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every scope an API key or a service token can carry: the one list of their names. A data scope opens one area of the
 * API (one service); {@link #KEYS_MANAGE} allows managing API keys through REST; {@link #INTERNAL} is never on an API
 * key, only on the tokens services present to each other's {@code /internal/**} endpoints.
 */
public final class Scopes {

    public static final String INCIDENTS = "incidents";
    public static final String MANDATES = "mandates";
    public static final String SESSIONS = "sessions";
    public static final String CATALOG = "catalog";
    public static final String PAYMENTS = "payments";
    public static final String KEYS_MANAGE = "keys:manage";
    public static final String INTERNAL = "internal";

    /** The data scopes, one per service; a new API key gets these unless told otherwise. */
    public static final List<String> DATA = List.of(INCIDENTS, MANDATES, SESSIONS, CATALOG, PAYMENTS);

    /** What an API key may carry. */
    public static final List<String> KEY_SCOPES = List.of(INCIDENTS, MANDATES, SESSIONS, CATALOG, PAYMENTS,
            KEYS_MANAGE);

    private Scopes() {
    }

    public static boolean isKeyScope(String scope) {
        return KEY_SCOPES.contains(scope);
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
