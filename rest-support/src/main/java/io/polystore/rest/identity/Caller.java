package io.polystore.rest.identity;

import java.util.Set;

/**
 * Who is calling, as the gateway's signed identity token says: a user through one of its API keys (with that key's
 * scopes), or another service (subject = its name, scope {@code internal}, no user).
 */
public record Caller(String subject, long userId, long keyId, Set<String> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public static Caller user(long userId, long keyId, Set<String> scopes) {
        return new Caller(Long.toString(userId), userId, keyId, scopes);
    }

    public static Caller service(String name) {
        return new Caller(name, 0, 0, Set.of(Scopes.INTERNAL));
    }

    /** A user calling through an API key (not a service). */
    public boolean isUser() {
        return userId > 0 && keyId > 0;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** Whether this caller may make a {@code method} request that needs {@code scope} (see {@link Scopes#grants}). */
    public boolean mayUse(String scope, String method) {
        return Scopes.grants(scopes, scope, method);
    }
}
