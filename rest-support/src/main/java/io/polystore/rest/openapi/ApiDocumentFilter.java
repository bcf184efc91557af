package io.polystore.rest.openapi;

import io.polystore.rest.identity.Scopes;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document has in common, added once here instead of on each operation of each service:
 * where clients call the API (the gateway, as the document's only server), how they authenticate there (the API key, as
 * {@code X-API-Key} or as a bearer token: {@link #API_KEY}, {@link #BEARER_API_KEY}), the license, the answers every
 * public operation can give (401, 403, 500, 503), the one shape of every error answer ({@code application/problem+json}
 * with the {@code Problem} schema, RFC 9457), request bodies that refuse unknown fields (as the chassis' strict JSON
 * does) and {@code scopes} arrays that hold {@link Scopes} names. The API key is also the document's default security
 * requirement (without a scope); an operation outside {@code /api/} that declares none is marked as needing none.
 * <p>
 * Runs at build time in every service that has {@code quarkus-smallrye-openapi} (found in the chassis' index, nothing
 * to register), so the stored document ({@code target/openapi/openapi.yaml}, which CI lints) and the served one
 * ({@code /q/openapi}) are the same. What a service still writes on its resources: {@code @Operation(operationId,
 * summary)}, its own answers ({@code @APIResponse}, also its 4xx: their content is set here), its tag and
 * {@code @SecurityRequirement(name = ApiDocumentFilter.API_KEY, scopes = ...)} plus the same for
 * {@link #BEARER_API_KEY}. Members a service adds to its problems (e.g. a 409's {@code allowed}) are declared with
 * {@link #problemMember} from a build filter of its own.
 * <p>
 * Public operations are the paths under {@code /api/}; {@code /internal/**} is hidden by the services themselves
 * ({@code @Operation(hidden = true)}: the gateway never routes it).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** The security scheme of the API key in {@code X-API-Key}. */
    public static final String API_KEY = "apiKey";
    /** The security scheme of the same API key in {@code Authorization: Bearer}. */
    public static final String BEARER_API_KEY = "bearerApiKey";
    public static final String PROBLEM = "Problem";
    public static final String SCOPE = "Scope";
    /** Paths clients call through the gateway. */
    public static final String PUBLIC_PATHS = "/api/";
    static final String SCHEMAS = "#/components/schemas/";

    /** Where clients call the API: the gateway (the local stack's; a deployment's own gateway URL elsewhere). */
    public static final String GATEWAY_URL = "http://localhost:8080";

    /** Answers any public operation can give, besides its own. */
    static final Map<String, String> COMMON_ERRORS = Map.of(
            "401", "No API key, or not a valid one (`WWW-Authenticate` names the scheme).",
            "403", "The API key lacks the scope this operation needs (`missingScope` names it).",
            "500", "A bug; the problem carries no detail of it.",
            "503", "The service's store is unavailable; retry after `Retry-After` seconds.");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.setServers(List.of(OASFactory.createServer().url(GATEWAY_URL)
                .description("The gateway of the local stack (deploy/local/up); clients call every service through "
                        + "their gateway, never a service directly.")));
        if (api.getInfo() == null) {
            api.setInfo(OASFactory.createInfo());
        }
        if (api.getInfo().getLicense() == null) {
            // no license chosen for the project yet: all rights reserved (SPDX LicenseRef- form) until one is
            api.getInfo().license(OASFactory.createLicense().name("Proprietary")
                    .identifier("LicenseRef-Polystore-Proprietary"));
        }
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("An API key (`psk_<prefix>.<secret>`), as created with `POST /api/keys` or "
                        + "incident-service's ops command line. Each operation names the scope the key needs."));
        components.addSecurityScheme(BEARER_API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("psk_<prefix>.<secret>")
                .description("The same API key, sent as `Authorization: Bearer psk_...` instead of `X-API-Key`. "
                        + "Send one of the two, never both (400)."));
        // the default of every operation: an API key, sent either way (each public operation names its scope);
        // also what the schemes are there for in a document with no public operation yet
        if (api.getSecurity() == null || api.getSecurity().isEmpty()) {
            api.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(API_KEY),
                    OASFactory.createSecurityRequirement().addScheme(BEARER_API_KEY)));
        }
        boolean problems = false;
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
                boolean isPublic = path.getKey().startsWith(PUBLIC_PATHS);
                for (Operation operation : operations(path.getValue())) {
                    if (isPublic) {
                        commonAnswers(operation);
                        strictRequestBody(operation, components);
                        problems = true;
                    } else {
                        if (operation.getSecurity() == null) {
                            // outside /api/ (the gateway's GET /health): no API key, said explicitly
                            operation.setSecurity(List.of());
                        }
                        problems |= problemAnswers(operation);
                    }
                }
            }
        }
        if (problems) {
            problemSchema(components);
        }
        if (components.getSchemas() != null) {
            boolean scopes = false;
            for (Schema schema : components.getSchemas().values()) {
                scopes |= scopesAreScopes(schema);
            }
            if (scopes) {
                components.addSchema(SCOPE, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.copyOf(Scopes.KEY_SCOPES))
                        .description("What an API key may do: a data scope opens one service's API, mandates:read "
                                + "only the GET and HEAD requests of what mandates opens, keys:manage the management "
                                + "of the user's keys, webhooks:manage that of webhooks."));
            }
        }
    }

    /**
     * Declares a member a service's problems may carry besides the standard ones (e.g. {@code allowed} on a 409 of a
     * status change), for a build filter of the service: {@code @OpenApiFilter(stages = BUILD) class Problems
     * implements OASFilter { public void filterOpenAPI(OpenAPI api) { ApiDocumentFilter.problemMember(api, "allowed",
     * ...); } }}. Works whichever filter runs first.
     */
    public static void problemMember(OpenAPI api, String name, Schema schema) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        problemSchema(components).addProperty(name, schema);
    }

    /** The chassis' strict JSON refuses unknown fields (400): the request schemas say so. */
    private static void strictRequestBody(Operation operation, Components components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaTypes() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().values().forEach(type -> {
            Schema schema = type.getSchema();
            String ref = schema == null ? null : schema.getRef();
            if (ref != null && ref.startsWith(SCHEMAS) && components.getSchemas() != null) {
                Schema target = components.getSchemas().get(ref.substring(SCHEMAS.length()));
                if (target != null) {
                    target.additionalPropertiesBoolean(Boolean.FALSE);
                }
            }
        });
    }

    /** Every {@code scopes} array holds {@link Scopes} names: one list, the chassis' own. */
    private static boolean scopesAreScopes(Schema schema) {
        Schema scopes = schema.getProperties() == null ? null : schema.getProperties().get("scopes");
        if (scopes != null && scopes.getType() != null && scopes.getType().contains(Schema.SchemaType.ARRAY)) {
            scopes.items(OASFactory.createSchema().ref(SCHEMAS + SCOPE));
            return true;
        }
        return false;
    }

    private static List<Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : List.copyOf(item.getOperations().values());
    }

    private static void commonAnswers(Operation operation) {
        APIResponses responses = operation.getResponses() == null
                ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        COMMON_ERRORS.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        Map<String, APIResponse> sorted = new LinkedHashMap<>();
        responses.getAPIResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        responses.setAPIResponses(sorted);
    }

    /**
     * Outside {@code /api/} only the errors an operation declares itself are there; those it declares without a body
     * (the gateway's 400 for a request that is not valid HTTP) are problems too. True if there is one.
     */
    private static boolean problemAnswers(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return false;
        }
        boolean any = false;
        for (Map.Entry<String, APIResponse> answer : operation.getResponses().getAPIResponses().entrySet()) {
            boolean error = answer.getKey().startsWith("4") || answer.getKey().startsWith("5");
            if (error && answer.getValue().getContent() == null) {
                answer.getValue().setContent(problemContent());
                any = true;
            }
        }
        return any;
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM)));
    }

    /**
     * The {@code Problem} schema: RFC 9457 with the members the chassis adds ({@code errors}, {@code missingScope}),
     * open to problem-specific members. Created once; members a service declared ({@link #problemMember}) stay, after
     * the standard ones.
     */
    static Schema problemSchema(Components components) {
        Schema existing = components.getSchemas() == null ? null : components.getSchemas().get(PROBLEM);
        Schema problem = standardProblem();
        if (existing != null && existing.getProperties() != null) {
            existing.getProperties().forEach((name, member) -> {
                if (problem.getProperties().get(name) == null) {
                    problem.addProperty(name, member);
                }
            });
        }
        components.addSchema(PROBLEM, problem);
        return problem;
    }

    private static Schema standardProblem() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addRequired("field").addRequired("message")
                .addProperty("field", string("The request field, query parameter or header at fault."))
                .addProperty("message", string("The rule it broke."));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An error, as RFC 9457 problem details. Besides the standard members it may carry "
                        + "`errors` (400: one entry per field at fault) and members specific to the problem.")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", string("A URI reference identifying the problem type; `about:blank`: the "
                        + "status says it all.").format("uri-reference"))
                .addProperty("title", string("The status's reason phrase."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599))
                        .description("The HTTP status."))
                .addProperty("detail", string("What happened, for a person."))
                .addProperty("instance", string("The request path.").format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("400: each field at fault and the rule it broke."))
                .addProperty("missingScope", string("403: the scope the API key lacks."))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
