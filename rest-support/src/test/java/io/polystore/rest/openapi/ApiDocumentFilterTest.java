package io.polystore.rest.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

/** What the chassis adds to every service's document, and what it leaves alone. */
class ApiDocumentFilterTest {

    @Test
    void everyDocumentNamesTheGatewayTheApiKeyAndALicense() {
        OpenAPI api = OASFactory.createOpenAPI();
        new ApiDocumentFilter().filterOpenAPI(api);
        assertEquals(1, api.getServers().size());
        assertEquals(ApiDocumentFilter.GATEWAY_URL, api.getServers().get(0).getUrl());
        assertNotNull(api.getInfo().getLicense().getName());
        SecurityScheme key = api.getComponents().getSecuritySchemes().get(ApiDocumentFilter.API_KEY);
        assertEquals(SecurityScheme.Type.APIKEY, key.getType());
        assertEquals(SecurityScheme.In.HEADER, key.getIn());
        assertEquals("X-API-Key", key.getName());
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get(ApiDocumentFilter.BEARER_API_KEY);
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
        // nothing public: no schema that nothing refers to (the linter's no-unused-components), and the schemes are
        // the document's default requirement
        assertNull(api.getComponents().getSchemas());
        assertEquals(2, api.getSecurity().size());
        assertEquals(List.of(), api.getSecurity().get(0).getScheme(ApiDocumentFilter.API_KEY));
        assertEquals(List.of(), api.getSecurity().get(1).getScheme(ApiDocumentFilter.BEARER_API_KEY));
    }

    @Test
    void aServicesOwnLicenseStays() {
        OpenAPI api = OASFactory.createOpenAPI().info(OASFactory.createInfo().title("t")
                .license(OASFactory.createLicense().name("Apache-2.0").identifier("Apache-2.0")));
        new ApiDocumentFilter().filterOpenAPI(api);
        assertEquals("Apache-2.0", api.getInfo().getLicense().getName());
    }

    @Test
    void publicOperationsGetTheCommonAnswersAllErrorsAsProblems() {
        OpenAPI api = document();
        new ApiDocumentFilter().filterOpenAPI(api);
        Operation get = api.getPaths().getPathItem("/api/things/{id}").getGET();
        assertEquals(List.of("200", "401", "403", "404", "500", "503"),
                List.copyOf(get.getResponses().getAPIResponses().keySet()), "every common answer, in order");
        assertEquals("Its own words.", get.getResponses().getAPIResponse("404").getDescription());
        for (String status : List.of("401", "403", "404", "500", "503")) {
            Schema schema = get.getResponses().getAPIResponse(status).getContent()
                    .getMediaType(ApiDocumentFilter.PROBLEM_JSON).getSchema();
            assertEquals("#/components/schemas/Problem", schema.getRef(), status);
        }
        assertNull(get.getResponses().getAPIResponse("200").getContent()
                .getMediaType(ApiDocumentFilter.PROBLEM_JSON));
        Schema problem = api.getComponents().getSchemas().get(ApiDocumentFilter.PROBLEM);
        assertEquals(List.of("type", "title", "status"), problem.getRequired());
        assertEquals(Boolean.FALSE, api.getComponents().getSchemas().get("NewThing").getAdditionalPropertiesBoolean(),
                "a request body refuses unknown fields");
        assertNull(api.getComponents().getSchemas().get("Thing").getAdditionalPropertiesBoolean(),
                "an answer may grow");
        assertEquals("#/components/schemas/Scope", api.getComponents().getSchemas().get("Thing").getProperties()
                .get("scopes").getItems().getRef());
        assertTrue(api.getComponents().getSchemas().get(ApiDocumentFilter.SCOPE).getEnumeration()
                .contains("keys:manage"));
    }

    @Test
    void internalOperationsAreLeftAlone() {
        OpenAPI api = document();
        new ApiDocumentFilter().filterOpenAPI(api);
        Operation internal = api.getPaths().getPathItem("/health").getGET();
        assertEquals(List.of("200"), List.copyOf(internal.getResponses().getAPIResponses().keySet()));
        assertEquals(List.of(), internal.getSecurity(), "no API key, said explicitly");
        assertNull(api.getPaths().getPathItem("/api/things").getPOST().getSecurity(), "the document's default");
    }

    @Test
    void anErrorDeclaredOutsideApiWithoutABodyIsAProblem() {
        OpenAPI api = document();
        Operation health = api.getPaths().getPathItem("/health").getGET();
        health.getResponses().addAPIResponse("400", OASFactory.createAPIResponse().description("Not HTTP."))
                .addAPIResponse("503", OASFactory.createAPIResponse().description("Down.").content(OASFactory
                        .createContent().addMediaType("application/json", OASFactory.createMediaType())));
        new ApiDocumentFilter().filterOpenAPI(api);
        assertEquals(List.of("200", "400", "503"), List.copyOf(health.getResponses().getAPIResponses().keySet()),
                "no common answers outside /api/");
        assertEquals("#/components/schemas/Problem", health.getResponses().getAPIResponse("400").getContent()
                .getMediaType(ApiDocumentFilter.PROBLEM_JSON).getSchema().getRef());
        assertNotNull(health.getResponses().getAPIResponse("503").getContent().getMediaType("application/json"),
                "a declared body stays");
        assertNotNull(api.getComponents().getSchemas().get(ApiDocumentFilter.PROBLEM));
    }

    @Test
    void aServicesProblemMembersStayWhicheverFilterRunsFirst() {
        for (boolean serviceFirst : new boolean[]{true, false}) {
            OpenAPI api = document();
            Schema allowed = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                    .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            if (serviceFirst) {
                ApiDocumentFilter.problemMember(api, "allowed", allowed);
                new ApiDocumentFilter().filterOpenAPI(api);
            } else {
                new ApiDocumentFilter().filterOpenAPI(api);
                ApiDocumentFilter.problemMember(api, "allowed", allowed);
            }
            Schema problem = api.getComponents().getSchemas().get(ApiDocumentFilter.PROBLEM);
            assertEquals(List.of("type", "title", "status", "detail", "instance", "errors", "missingScope", "allowed"),
                    List.copyOf(problem.getProperties().keySet()), "service first: " + serviceFirst);
            assertFalse(problem.getProperties().get("missingScope").getDescription().isEmpty());
        }
    }

    /** {@code GET /api/things/{id}} (200, 404), {@code POST /api/things} (body NewThing), {@code GET /health}. */
    private static OpenAPI document() {
        Schema thing = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("scopes", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        Schema newThing = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("name", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Thing", thing).addSchema("NewThing", newThing))
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/things/{id}", OASFactory.createPathItem().GET(OASFactory
                                .createOperation().operationId("getThing").responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("404", OASFactory.createAPIResponse()
                                                .description("Its own words."))
                                        .addAPIResponse("200", OASFactory.createAPIResponse().description("It.")
                                                .content(OASFactory.createContent().addMediaType("application/json",
                                                        OASFactory.createMediaType().schema(OASFactory
                                                                .createSchema().ref("#/components/schemas/Thing"))))))))
                        .addPathItem("/api/things", OASFactory.createPathItem().POST(OASFactory.createOperation()
                                .operationId("createThing")
                                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                                        .addMediaType("application/json", OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref("#/components/schemas/NewThing")))))
                                .responses(OASFactory.createAPIResponses().addAPIResponse("201",
                                        OASFactory.createAPIResponse().description("Made.")))))
                        .addPathItem("/health", OASFactory.createPathItem().GET(OASFactory.createOperation()
                                .operationId("health").responses(OASFactory.createAPIResponses()
                                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Up."))))));
    }
}
