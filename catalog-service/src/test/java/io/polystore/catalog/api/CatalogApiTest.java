package io.polystore.catalog.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.catalog.TestCatalog;
import io.polystore.rest.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST operations on the committed sample catalog, as the gateway forwards them. */
@QuarkusTest
class CatalogApiTest {

    private static final String ARISTO = "0446200880";
    private static final String ROBUSTFEED = "0460460001";
    private static boolean loaded;

    @Inject
    TestCatalog catalog;

    @BeforeEach
    void sampleCatalog() {
        if (!loaded) {
            catalog.resetToSample();
            loaded = true;
        }
    }

    @Test
    void aProductByGinWithItsTypeAndProperties() {
        catalog.caller().get("/api/catalog/products/" + ARISTO)
                .then().statusCode(200)
                .body("gin", is(ARISTO))
                .body("name", is("Aristo 500ix"))
                .body("type", is("PowerSource"))
                .body("properties.process", is("MIG (GMAW)"))
                .body("properties.currentOutput", is("500 A"))
                .body("properties.currentOutputA", is(500))
                .body("properties.cooling", is("Water-cooled"))
                .body("createdAt", notNullValue());
        catalog.caller().get("/api/catalog/products/0999999999")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", is(404));
    }

    @Test
    void withoutTheCatalogScopeItIsA403AndWithoutATokenA401() {
        catalog.callerWith("incidents").get("/api/catalog/products/" + ARISTO)
                .then().statusCode(403).body("missingScope", is("catalog"));
        io.restassured.RestAssured.given().get("/api/catalog/products/" + ARISTO).then().statusCode(401);
    }

    @Test
    void thePagesOfTheListCoverEveryProductOnceInGinOrder() {
        List<String> gins = new ArrayList<>();
        String cursor = null;
        do {
            var request = catalog.caller().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/catalog/products").then().statusCode(200).extract().response();
            gins.addAll(page.path("items.gin"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(catalog.counts().nodes().get("Product"), (long) gins.size());
        assertEquals(gins.stream().sorted().toList(), gins);
        assertEquals(gins.size(), gins.stream().distinct().count());
    }

    @Test
    void filtersNarrowTheList() {
        Response page = catalog.caller().queryParam("type", "PowerSource").queryParam("process", "MIG (GMAW)")
                .queryParam("minCurrent", 450).queryParam("cooling", "Water-cooled").queryParam("limit", 500)
                .get("/api/catalog/products").then().statusCode(200).extract().response();
        List<Map<String, Object>> items = page.path("items");
        assertTrue(items.stream().anyMatch(p -> ARISTO.equals(p.get("gin"))));
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) item.get("properties");
            assertEquals("PowerSource", item.get("type"));
            assertEquals("MIG (GMAW)", properties.get("process"));
            assertEquals("Water-cooled", properties.get("cooling"));
            assertTrue(((Number) properties.get("currentOutputA")).intValue() >= 450);
        }
        catalog.caller().queryParam("category", "Trolley").get("/api/catalog/products")
                .then().statusCode(200).body("items.type", everyItem(is("Accessory")))
                .body("items.properties.category", everyItem(is("Trolley")));
    }

    @Test
    void invalidListParametersAre400sNamingThem() {
        expect400(catalog.caller().queryParam("type", "Welder").get("/api/catalog/products"), "type");
        expect400(catalog.caller().queryParam("limit", "0").get("/api/catalog/products"), "limit");
        expect400(catalog.caller().queryParam("limit", "+5").get("/api/catalog/products"), "limit");
        expect400(catalog.caller().queryParam("minCurrent", "-1").get("/api/catalog/products"), "minCurrent");
        expect400(catalog.caller().queryParam("cursor", "Z2luOjA0NDYyMDA4ODA=").get("/api/catalog/products"),
                "cursor");
        expect400(catalog.caller().queryParam("cursor", "not a cursor").get("/api/catalog/products"), "cursor");
        expect400(catalog.caller().queryParam("type", "Cooler").queryParam("category", "Trolley")
                .get("/api/catalog/products"), "category");
    }

    @Test
    void searchFindsAristoAlsoWithATypo() {
        for (String q : List.of("aristo", "Aristo 500ix", "arsito", "aristo~")) {
            catalog.caller().queryParam("q", q).get("/api/catalog/search")
                    .then().statusCode(200).body("items[0].product.gin", is(ARISTO))
                    .body("items[0].score", notNullValue());
        }
        catalog.caller().queryParam("q", "robustfeed").queryParam("type", "Feeder").get("/api/catalog/search")
                .then().statusCode(200).body("items.product.gin", hasItem(ROBUSTFEED))
                .body("items.product.type", everyItem(is("Feeder")));
        catalog.caller().queryParam("q", "aristo").queryParam("type", "Torch").get("/api/catalog/search")
                .then().statusCode(200).body("items.product.gin", not(hasItem(ARISTO)));
    }

    @Test
    void luceneSyntaxInASearchIsNeverA500() {
        for (String q : List.of("name:\"x\" AND *", "*", "\"", "(", "[a TO z]", "a~2~", "\\", "aristo AND",
                "OR", "NOT aristo", "a && b || c", "/regex/", "{x}", "^", "?", "x:y:z", "\u0000aristo",
                "aristo".repeat(40))) {
            int status = catalog.caller().queryParam("q", q).get("/api/catalog/search").statusCode();
            assertTrue(status == 200 || status == 400, q + " -> " + status);
        }
        expect400(catalog.caller().queryParam("q", "").get("/api/catalog/search"), "q");
        expect400(catalog.caller().get("/api/catalog/search"), "q");
        expect400(catalog.caller().queryParam("q", "x".repeat(201)).get("/api/catalog/search"), "q");
        expect400(catalog.caller().queryParam("q", "aristo").queryParam("limit", 101).get("/api/catalog/search"),
                "limit");
    }

    @Test
    void compatibleFeedersOfAristoIncludeRobustFeed() {
        catalog.caller().queryParam("type", "Feeder").get("/api/catalog/power-sources/" + ARISTO + "/compatible")
                .then().statusCode(200)
                .body("powerSource.gin", is(ARISTO))
                .body("components.keySet()", contains("Feeder"))
                .body("components.Feeder.product.gin", hasItem(ROBUSTFEED))
                .body("components.Feeder.find { it.product.gin == '" + ROBUSTFEED + "' }.compatibilityType",
                        is("certified"))
                .body("components.Feeder.product.type", everyItem(is("Feeder")));
        catalog.caller().get("/api/catalog/power-sources/" + ARISTO + "/compatible")
                .then().statusCode(200)
                .body("components.keySet()", contains("Feeder", "Cooler", "Interconnector", "Torch", "Accessory"))
                .body("components.Torch", not(empty()));
        catalog.caller().get("/api/catalog/power-sources/" + ROBUSTFEED + "/compatible").then().statusCode(404);
        catalog.caller().get("/api/catalog/power-sources/0999999999/compatible").then().statusCode(404);
        expect400(catalog.caller().queryParam("type", "PowerSource")
                .get("/api/catalog/power-sources/" + ARISTO + "/compatible"), "type");
    }

    @Test
    void theComponentsPowerSourcesIncludeAristo() {
        catalog.caller().get("/api/catalog/products/" + ROBUSTFEED + "/power-sources")
                .then().statusCode(200)
                .body("product.gin", is(ROBUSTFEED))
                .body("powerSources.product.gin", hasItem(ARISTO))
                .body("powerSources.product.type", everyItem(is("PowerSource")))
                .body("powerSources[0].compatibilityType", is("certified"));
        catalog.caller().get("/api/catalog/products/" + ARISTO + "/power-sources")
                .then().statusCode(200).body("powerSources", empty());
        catalog.caller().get("/api/catalog/products/0999999999/power-sources").then().statusCode(404);
    }

    @Test
    void packagesForMig400AreCompleteAndRanked() {
        Response answer = catalog.caller().contentType(ContentType.JSON)
                .body(Map.of("process", "MIG (GMAW)", "minCurrent", 400, "limit", 20))
                .post("/api/catalog/packages").then().statusCode(200)
                .body("packages.size()", greaterThanOrEqualTo(1))
                .body("reasons", empty())
                .body("packages.powerSource.properties.process", everyItem(is("MIG (GMAW)")))
                .body("packages.feeder", everyItem(notNullValue()))
                .body("packages.interconnector", everyItem(notNullValue()))
                .body("packages.torch", everyItem(notNullValue()))
                .extract().response();
        List<Integer> currents = answer.path("packages.powerSource.properties.currentOutputA");
        assertTrue(currents.stream().allMatch(c -> c >= 400), currents.toString());
        assertEquals(currents.stream().sorted().toList(), currents, "smallest sufficient current first");
        List<Integer> ranks = answer.path("packages.rank");
        assertEquals(1, ranks.get(0));
        List<Map<String, Object>> packages = answer.path("packages");
        for (Map<String, Object> p : packages) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) p.get("powerSource"))
                    .get("properties");
            boolean needsCooler = "Water-cooled".equals(properties.get("cooling"))
                    && !Boolean.TRUE.equals(properties.get("integratedCooler"));
            assertEquals(needsCooler, p.get("cooler") != null, p.toString());
        }
    }

    @Test
    void anImpossiblePackageSaysWhy() {
        catalog.caller().contentType(ContentType.JSON).body(Map.of("process", "Laser"))
                .post("/api/catalog/packages").then().statusCode(200)
                .body("packages", empty()).body("reasons", contains("no power source for process \"Laser\""));
        catalog.caller().contentType(ContentType.JSON).body(Map.of("process", "MIG (GMAW)", "minCurrent", 5000))
                .post("/api/catalog/packages").then().statusCode(200)
                .body("packages", empty())
                .body("reasons[0]", is("no power source for process \"MIG (GMAW)\" has a current output of at least "
                        + "5000 A"));
    }

    @Test
    void powerSourcesMissingAComponentAreLeftOutAndListed() {
        // every 25th generated power source has no torch: find one and ask for exactly its requirements
        Response incomplete = catalog.caller().queryParam("type", "PowerSource").queryParam("limit", 500)
                .get("/api/catalog/products").then().statusCode(200).extract().response();
        List<Map<String, Object>> powerSources = incomplete.path("items");
        boolean checked = false;
        for (Map<String, Object> ps : powerSources) {
            String gin = (String) ps.get("gin");
            List<?> torches = catalog.caller().queryParam("type", "Torch")
                    .get("/api/catalog/power-sources/" + gin + "/compatible").path("components.Torch");
            if (!torches.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) ps.get("properties");
            Response answer = catalog.caller().contentType(ContentType.JSON)
                    .body(Map.of("process", properties.get("process"), "minCurrent", 0, "limit", 20))
                    .post("/api/catalog/packages").then().statusCode(200).extract().response();
            List<String> packaged = answer.path("packages.powerSource.gin");
            assertTrue(!packaged.contains(gin), gin + " has no torch but is in a package");
            checked = true;
            break;
        }
        assertTrue(checked, "the sample has a power source without a torch");
    }

    @Test
    void invalidPackageRequestsAre400s() {
        expect400(catalog.caller().contentType(ContentType.JSON).body(Map.of("minCurrent", 400))
                .post("/api/catalog/packages"), "process");
        expect400(catalog.caller().contentType(ContentType.JSON).body(Map.of("process", "MIG (GMAW)", "limit", 0))
                .post("/api/catalog/packages"), "limit");
        catalog.caller().contentType(ContentType.JSON).body("{\"process\":\"MIG (GMAW)\",\"colour\":\"red\"}")
                .post("/api/catalog/packages").then().statusCode(400);
        catalog.caller().contentType(ContentType.JSON).body("{\"process\":\"MIG (GMAW)\",\"minCurrent\":\"lots\"}")
                .post("/api/catalog/packages").then().statusCode(400);
    }

    private static void expect400(Response response, String field) {
        response.then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem(field))
                .body("detail", notNullValue())
                .body("instance", not(nullValue()));
    }
}
