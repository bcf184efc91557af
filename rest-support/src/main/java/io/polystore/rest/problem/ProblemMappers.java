package io.polystore.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the services as {@code application/problem+json}: bad JSON, unknown enum values and failed
 * constraints are 400s naming the field; nothing unexpected escapes as a bare 500 page.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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
                        .map(String::toLowerCase).collect(Collectors.joining(", ", "[", "]"))
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

    @ServerExceptionMapper(priority = 2)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return Problem.invalid("request body is not valid JSON", List.of()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                status.getStatusCode() == 404 ? "no such resource" : e.getMessage(), uri.getPath(), List.of(),
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

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error; it has been logged")
                .withInstance(uri.getPath()).toResponse();
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
