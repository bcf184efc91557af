package io.polystore.testsupport.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The health contract of every service, written once (API conventions, "health"): liveness depends on no store;
 * readiness has exactly one check per store, named as the gateway's {@code /health} reports it, all UP while the stores
 * answer; {@code /q/metrics} and {@code /q/openapi} are served, and every metric family the service exposes is
 * explained in its README. A service runs it with {@code @QuarkusTest class HealthTest extends HealthContract {
 * protected List<String> stores() { return List.of("postgresql"); } }}; the other half, readiness while a store is
 * down, is {@link StoreDownContract}.
 * <p>
 * The test profile switches the management interface off, so {@code /q/*} is on the test port; a module that keeps it
 * on (the gateway) overrides {@link #management()}.
 */
public abstract class HealthContract {

    private static final Pattern METRIC_TYPE = Pattern.compile("^# TYPE (\\S+) ", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern FENCED = Pattern.compile("^ *```.*?^ *```[^\\n]*$",
            Pattern.MULTILINE | Pattern.DOTALL);
    private static final List<String> SUFFIXES = List.of("_total", "_seconds_max", "_seconds", "_bytes", "_max",
            "_count", "_sum", "_bucket", "_created");

    /** The readiness checks of this service's stores, named as the gateway reports them. */
    protected abstract List<String> stores();

    /** Where {@code /q/*} is served: the test port unless the module keeps its management interface on. */
    protected RequestSpecification management() {
        return given();
    }

    /** Makes the service's own metrics appear (e.g. one write) before {@code /q/metrics} is read. */
    protected void exerciseMetrics() {
    }

    /** The README whose metrics section must explain every metric family; the module's own by default. */
    protected Path readme() {
        return Path.of("README.md");
    }

    @Test
    void livenessIsUpAndConsultsNoStore() {
        management().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.in(stores()))));
    }

    @Test
    void readinessHasExactlyOneUpCheckPerStore() {
        management().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", containsInAnyOrder(stores().toArray()))
                .body("checks.status", everyItem(is("UP")));
    }

    @Test
    void openApiIsServed() {
        management().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void httpServerRequestsHaveLatencyBucketsForP99Alerts() {
        given().when().get("/api/polystore-latency-probe");
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{") && metrics.contains("le=\"0.25\""),
                "http.server.requests must carry the chassis' latency buckets (HttpLatencyBuckets)");
    }

    @Test
    void everyMetricIsExplainedInTheReadme() throws IOException {
        exerciseMetrics();
        String metrics = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> families = new TreeSet<>();
        Matcher type = METRIC_TYPE.matcher(metrics);
        while (type.find()) {
            families.add(type.group(1));
        }
        assertTrue(families.size() > 10, "metrics served: " + families);
        Set<String> documented = documentedNames(Files.readString(readme()));
        Set<String> unexplained = new TreeSet<>();
        for (String family : families) {
            if (!isDocumented(family, documented)) {
                unexplained.add(family);
            }
        }
        assertTrue(unexplained.isEmpty(), "metrics served but not explained in " + readme().toAbsolutePath()
                + " (name them, or a prefix such as `jvm_*`): " + unexplained);
    }

    /**
     * Every code span of the README, cut before a label list ({@code x{method,uri}}) or a slash. Fenced code blocks are
     * left out first: their backticks would pair with the spans' and shift every span after them.
     */
    static Set<String> documentedNames(String readme) {
        Set<String> names = new TreeSet<>();
        Matcher code = CODE.matcher(FENCED.matcher(readme).replaceAll(""));
        while (code.find()) {
            for (String part : code.group(1).split("[/ ,]")) {
                String name = part.contains("{") ? part.substring(0, part.indexOf('{')) : part;
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    static boolean isDocumented(String family, Set<String> documented) {
        for (String name : documented) {
            if (name.endsWith("*") && name.length() > 2 && family.startsWith(name.substring(0, name.length() - 1))) {
                return true;
            }
            if (name.equals(family)) {
                return true;
            }
            for (String suffix : SUFFIXES) {
                if (family.equals(name + suffix) || name.equals(family + suffix)
                        || (name.endsWith(suffix) && family.equals(name.substring(0, name.length()
                                - suffix.length())))) {
                    return true;
                }
            }
        }
        return false;
    }
}
