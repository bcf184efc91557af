package io.polystore.session.session;

/** Redis did not answer in time: the caller may retry later (a REST layer maps this to 503). */
public class SessionStoreUnavailableException extends RuntimeException {

    public SessionStoreUnavailableException(String message) {
        super(message);
    }
}
