package io.polystore.rest.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Thrown (or failed with, in a Uni) by application code to answer with a specific problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, what + " not found"));
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(
                Problem.invalid(field + ": " + message, List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, detail));
    }

    /** 403 naming the scope the caller's API key lacks. */
    public static ProblemException forbidden(String scope) {
        return new ProblemException(Problem.of(Response.Status.FORBIDDEN, "this API key lacks the scope '" + scope
                + "'").with("missingScope", scope));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(Response.Status.UNAUTHORIZED, detail));
    }
}
