package io.polystore.rest.identity;

import io.polystore.rest.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link CallerFilter} from the gateway's token. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw ProblemException.unauthorized("no caller identity");
        }
        return caller;
    }

    public long userId() {
        return get().userId();
    }

    public long keyId() {
        return get().keyId();
    }

    /** Fails with 403 naming {@code scope} unless the caller's key carries it. */
    public void require(String scope) {
        if (!get().hasScope(scope)) {
            throw ProblemException.forbidden(scope);
        }
    }
}
