package io.polystore.rest.identity;

import io.polystore.rest.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current {@code /api/**} request, set by {@link CallerFilter}. */
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
}
