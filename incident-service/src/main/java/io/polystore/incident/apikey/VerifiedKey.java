package io.polystore.incident.apikey;

import java.util.List;

/** Who an API key belongs to and what it may do; the gateway puts the scopes into its identity token. */
public record VerifiedKey(long keyId, long userId, String keyName, List<String> scopes) {
}
