package io.polystore.incident.apikey;

import io.polystore.rest.identity.Scopes;
import io.polystore.rest.problem.ProblemException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes of API keys as this service checks and stores them. The names are rest-support's {@link Scopes}: one list
 * for the gateway, the services and this table.
 */
final class ApiKeyScopes {

    static final String FIELD = "scopes";

    private ApiKeyScopes() {
    }

    /** The scopes a request names, or null when it names none; 400 naming {@code scopes} for anything unknown. */
    static Set<String> requested(List<String> names) {
        if (names == null) {
            return null;
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || !Scopes.isKeyScope(name)) {
                throw ProblemException.badField(FIELD, "unknown scope " + (name == null ? "null" : "'" + name + "'")
                        + "; allowed: " + String.join(", ", Scopes.KEY_SCOPES));
            }
            scopes.add(name);
        }
        if (scopes.isEmpty()) {
            throw ProblemException.badField(FIELD, "must name at least one scope");
        }
        return scopes;
    }

    /**
     * What the calling key may pass on: the scopes stored with it, and (belt and braces) only those its token carries
     * too. The gateway copies a key's stored scopes into its token, so the two agree.
     */
    static Set<String> held(String stored, Collection<String> token) {
        Set<String> held = new LinkedHashSet<>(Scopes.parse(stored));
        held.retainAll(token);
        return held;
    }

    /**
     * A key made through REST without {@code scopes} gets its creator's data scopes; the management scopes (keys,
     * webhooks) must be asked for. A read-only twin whose full scope comes along adds nothing and is left out.
     */
    static Set<String> inherited(Set<String> held) {
        Set<String> scopes = new LinkedHashSet<>(held);
        scopes.removeAll(Scopes.MANAGEMENT);
        scopes.removeIf(scope -> Scopes.fullScopeOf(scope).filter(held::contains).isPresent());
        if (scopes.isEmpty()) {
            throw ProblemException.badField(FIELD, "the calling API key has no data scope to pass on; name the scopes");
        }
        return scopes;
    }

    /**
     * A key never gets more than the key that creates it: 403 naming the first scope the creator lacks (a read-only
     * twin is held by a key that holds its full scope).
     */
    static Set<String> requireHeld(Set<String> wanted, Set<String> held) {
        Scopes.KEY_SCOPES.stream().filter(wanted::contains).filter(scope -> !Scopes.covers(held, scope)).findFirst()
                .ifPresent(missing -> {
                    throw ProblemException.forbidden(missing);
                });
        return wanted;
    }

    /** The stored, space-separated form as a list in the order of {@link Scopes#KEY_SCOPES}. */
    static List<String> list(String stored) {
        String canonical = Scopes.format(Scopes.parse(stored));
        return canonical.isEmpty() ? List.of() : List.of(canonical.split(" "));
    }
}
