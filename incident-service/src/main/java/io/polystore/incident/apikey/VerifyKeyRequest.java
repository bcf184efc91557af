package io.polystore.incident.apikey;

public record VerifyKeyRequest(String apiKey) {

    @Override
    public String toString() {
        return "VerifyKeyRequest[apiKey=<redacted>]";
    }
}
