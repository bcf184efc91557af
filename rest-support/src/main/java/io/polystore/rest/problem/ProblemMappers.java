package io.polystore.rest.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import io.polystore.rest.concurrency.ConcurrentChange;
import io.polystore.rest.json.StrictJsonCustomizer;
import io.polystore.rest.store.StoreConfig;
import io.polystore.rest.store.StoreFailure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the services as {@code application/problem+json}: bad JSON (duplicate keys, wrong types, text that
 * is not Unicode), unknown enum values and failed constraints are 400s naming the field; a store that is unreachable,
 * exhausted or too slow is a 503 with {@code Retry-After}; a unique-key race is a 409; only a bug is a 500, and no
 * problem document carries exception text.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    /** During an outage every request fails alike: one WARN line per interval, the rest at DEBUG. */
    private static final long UNAVAILABLE_LOG_INTERVAL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final String retryAfterSeconds;
    private final java.util.concurrent.atomic.AtomicLong lastUnavailableWarning = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() - UNAVAILABLE_LOG_INTERVAL_NANOS);

    ProblemMappers(StoreConfig stores) {
        this.retryAfterSeconds = String.valueOf(Math.max(1, stores.retryAfter().toSeconds()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.invalid(summary(errors), errors).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + Arrays.stream(e.getTargetType().getEnumConstants()).map(String::valueOf)
                        .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ", "[", "]"))
                : StrictJsonCustomizer.NOT_UNICODE.equals(e.getOriginalMessage())
                        ? StrictJsonCustomizer.NOT_UNICODE
                        : "has the wrong format";
        return fieldProblem(field, message, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return fieldProblem(jsonPath(e), "is not a known field", uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return Problem.invalid("request body is missing or is not the expected JSON object", List.of())
                    .withInstance(uri.getPath()).toResponse();
        }
        return fieldProblem(field, "has the wrong type", uri);
    }

    /** A key twice in one object (the parser refuses it: {@code STRICT_DUPLICATE_DETECTION}), or broken JSON. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(StreamReadException e, UriInfo uri) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.matches()) {
            JsonParser parser = e.getProcessor();
            String path = parser == null ? "" : parentPath(parser.getParsingContext());
            return fieldProblem(path.isEmpty() ? duplicate.group(1) : path + "." + duplicate.group(1),
                    "appears more than once", uri);
        }
        return malformedJson(e, uri);
    }

    /**
     * A failure while reading a nested value, wrapped by Jackson with the path to it: a duplicate key in a nested
     * object names its whole path ({@code inner.label}).
     */
    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof StreamReadException read) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(read.getOriginalMessage()));
            if (duplicate.matches()) {
                String path = jsonPath(e);
                return fieldProblem(path.isEmpty() ? duplicate.group(1) : path + "." + duplicate.group(1),
                        "appears more than once", uri);
            }
            return malformedJson(read, uri);
        }
        String path = jsonPath(e);
        return path.isEmpty() ? malformedJson(e, uri) : fieldProblem(path, "is invalid", uri);
    }

    /**
     * Jackson cannot build the target type: a bug in the service's classes, not the client's. Declared here so that
     * Quarkus' own mapper for it (an empty 500 and an ERROR log with the trace) never answers.
     */
    @ServerExceptionMapper(priority = 1)
    public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper(priority = 2)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return Problem.invalid("request body is not valid JSON", List.of()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int code = status.getStatusCode();
        String detail = code == 404 ? "no such resource" : code >= 500 ? status.getReasonPhrase() : e.getMessage();
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), code, detail, uri.getPath(), List.of(),
                Map.of());
        Response.ResponseBuilder response = Response.status(status.getStatusCode()).type(Problem.MEDIA_TYPE)
                .entity(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    /**
     * Whatever no other mapper took: a versioned write that lost a race ({@link ConcurrentChange}, 409), a store that
     * cannot serve now (503 + {@code Retry-After}), a unique key another request took first (409), or a bug (500,
     * logged with its trace). None carries the exception's text.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (ConcurrentChange.isLostRace(e)) {
            // a versioned write no service code answered: still the convention's 409, nothing was applied
            LOG.debugf("lost race on %s: %s", uri.getPath(), rootCause(e));
            return ConcurrentChange.conflict("the resource").problem().withInstance(uri.getPath()).toResponse();
        }
        switch (StoreFailure.of(e)) {
            case UNAVAILABLE -> {
                long now = System.nanoTime();
                long last = lastUnavailableWarning.get();
                if (now - last >= UNAVAILABLE_LOG_INTERVAL_NANOS && lastUnavailableWarning.compareAndSet(last, now)) {
                    LOG.warnf("store unavailable on %s (503; further ones within 10 s at DEBUG): %s", uri.getPath(),
                            rootCause(e));
                } else {
                    LOG.debugf("store unavailable on %s: %s", uri.getPath(), rootCause(e));
                }
                return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                        "a data store is unavailable; retry later").withInstance(uri.getPath()).toResponse())
                        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).build();
            }
            case DUPLICATE_KEY -> {
                LOG.debugf("unique key violated on %s: %s", uri.getPath(), rootCause(e));
                return Problem.of(Response.Status.CONFLICT, "conflicts with an existing resource (a unique value"
                        + " is already taken)").withInstance(uri.getPath()).toResponse();
            }
            default -> {
                LOG.errorf(e, "unexpected error on %s", uri.getPath());
                return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; it has been logged")
                        .withInstance(uri.getPath()).toResponse();
            }
        }
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidFormatException invalid) {
            return invalidFormat(invalid, uri);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unrecognizedProperty(unknown, uri);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        if (e instanceof InvalidDefinitionException definition) {
            return invalidDefinition(definition, uri);
        }
        if (e instanceof StreamReadException read) {
            return unreadableJson(read, uri);
        }
        if (e instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        return malformedJson(e, uri);
    }

    /** Class and message of the innermost cause: for a log line, never for a client. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 32 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /** The JSON path of the object being read ({@code address.lines[2]}), without its current field. */
    private static String parentPath(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context == null ? null : context.getParent(); c != null
                && !c.inRoot(); c = c.getParent()) {
            JsonStreamContext owner = c;
            if (owner.inArray()) {
                parts.add(0, "[" + owner.getCurrentIndex() + "]");
            } else if (owner.getCurrentName() != null) {
                parts.add(0, owner.getCurrentName());
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static Response fieldProblem(String field, String message, UriInfo uri) {
        String name = field.isEmpty() ? "body" : field;
        return Problem.invalid(name + ": " + message, List.of(new Problem.FieldError(name, message)))
                .withInstance(uri.getPath()).toResponse();
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
    }

    /** {@code create.request.title} → {@code title}; {@code list.limit} → {@code limit}. */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        List<Path.Node> all = new ArrayList<>();
        nodes.forEachRemaining(all::add);
        for (int i = 0; i < all.size(); i++) {
            Path.Node node = all.get(i);
            boolean lastNode = i == all.size() - 1;
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER
                    || (node.getKind() == ElementKind.PARAMETER && !lastNode)) {
                continue;
            }
            names.add(node.getName());
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
