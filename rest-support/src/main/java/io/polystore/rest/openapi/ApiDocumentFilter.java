package io.polystore.incident.openapi;

import io.polystore.rest.identity.Scopes;
import io.quarkus.smallrye.openapi.OpenApiFilter;
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
 * What every operation of the public API has in common, added to the document once instead of on each method: how a
 * client authenticates at the gateway (the API key, as {@code X-API-Key} or as a bearer token), the answers every
 * operation can give (401, 403, 500, 503) and the one shape of every error answer, {@code application/problem+json}
 * with the {@code Problem} schema (RFC 9457), and request bodies that refuse unknown fields, as the chassis' strict
 * JSON does. Runs at build time, so the stored document ({@code target/openapi/openapi.yaml}) and the served one
 * ({@code /q/openapi}) are the same.
 * <p>
 * Nothing here is specific to incidents: it is meant to move to the chassis, for every service's document.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String API_KEY = "apiKey";
    public static final String BEARER_API_KEY = "bearerApiKey";
    public static final String PROBLEM = "Problem";
    public static final String SCOPE = "Scope";

    /** Answers any operation under {@code /api/} can give, besides its own. */
    static final Map<String, String> COMMON_ERRORS = Map.of(
            "401", "No API key, or not a valid one (`WWW-Authenticate` names the scheme).",
            "403", "The API key lacks the scope this operation needs (`missingScope` names it).",
            "500", "A bug; the problem carries no detail of it.",
            "503", "The service's store is unavailable; retry after `Retry-After` seconds.");

    /** Where clients call the API: the gateway (the local stack's; a deployment's own gateway URL elsewhere). */
    public static final String GATEWAY_URL = "http://localhost:8080";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.setServers(List.of(OASFactory.createServer().url(GATEWAY_URL)
                .description("The gateway of the local stack (deploy/local/up); clients call every service through "
                        + "their gateway, never a service directly.")));
        if (api.getInfo() == null) {
            api.setInfo(OASFactory.createInfo());
        }
        // no license chosen for the project yet: all rights reserved (SPDX LicenseRef- form) until one is
        api.getInfo().license(OASFactory.createLicense().name("Proprietary")
                .identifier("LicenseRef-Polystore-Proprietary"));
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());
        components.addSchema(SCOPE, OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(List.copyOf(Scopes.KEY_SCOPES))
                .description("What an API key may do: a data scope opens one service's API, keys:manage the "
                        + "management of the user's keys."));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiDocumentFilter::scopesAreScopes);
        }
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("An API key (`psk_<prefix>.<secret>`), as created with `POST /api/keys` or the ops "
                        + "command line. Each operation names the scope the key needs."));
        components.addSecurityScheme(BEARER_API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("psk_<prefix>.<secret>")
                .description("The same API key, sent as `Authorization: Bearer psk_...` instead of `X-API-Key`. "
                        + "Send one of the two, never both (400)."));
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                operations(item).forEach(ApiDocumentFilter::commonAnswers);
                operations(item).forEach(operation -> strictRequestBody(operation, components));
            }
        });
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
            if (ref != null && ref.startsWith("#/components/schemas/") && components.getSchemas() != null) {
                Schema target = components.getSchemas().get(ref.substring("#/components/schemas/".length()));
                if (target != null) {
                    target.additionalPropertiesBoolean(Boolean.FALSE);
                }
            }
        });
    }

    /** Every {@code scopes} array holds {@link Scopes} names: one list, the chassis' own. */
    private static void scopesAreScopes(Schema schema) {
        Schema scopes = schema.getProperties() == null ? null : schema.getProperties().get("scopes");
        if (scopes != null && scopes.getType() != null && scopes.getType().contains(Schema.SchemaType.ARRAY)) {
            scopes.items(OASFactory.createSchema().ref("#/components/schemas/" + SCOPE));
        }
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
                response.setContent(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema()
                                .ref("#/components/schemas/" + PROBLEM))));
            }
        });
        responses.setAPIResponses(sorted);
    }

    /** RFC 9457, with the members this platform adds: {@code errors} and the problem-specific ones. */
    static Schema problemSchema() {
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
                        .format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status."))
                .addProperty("detail", string("What happened, for a person."))
                .addProperty("instance", string("The request path.").format("uri-reference"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("400: each field at fault and the rule it broke."))
                .addProperty("missingScope", string("403: the scope the API key lacks."))
                .addProperty("currentStatus", string("409 on a status change: the incident's status."))
                .addProperty("allowed", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .description("409 on a status change: the statuses it may move to."))
                .addProperty("maxActive", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").description("409 on creating an API key: the most active keys a user may "
                                + "hold."))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

}
