package io.polystore.incident.apikey;

public record VerifiedKey(long keyId, long userId, String keyName) {
}
