package io.polystore.rest.store;

/**
 * A store did not answer in time, or could not be reached: the request may be retried later. The problem mappers answer
 * it with 503 and {@code Retry-After}.
 */
public class StoreUnavailableException extends RuntimeException {

    private final String store;

    public StoreUnavailableException(String store, String message) {
        super(store + ": " + message, null, false, false);
        this.store = store;
    }

    public StoreUnavailableException(String store, String message, Throwable cause) {
        super(store + ": " + message, cause, false, false);
        this.store = store;
    }

    public String store() {
        return store;
    }
}
