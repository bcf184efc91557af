package io.polystore.catalog.openapi;

import io.polystore.testsupport.openapi.ApiDocumentContract;
import io.quarkus.test.junit.QuarkusTest;

/** test-support's OpenAPI contract: the gateway as server, the API-key schemes, a license, problem answers. */
@QuarkusTest
class ApiDocumentTest extends ApiDocumentContract {
}
