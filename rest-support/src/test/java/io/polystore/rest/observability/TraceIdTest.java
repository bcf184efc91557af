package io.polystore.rest.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Every request has a trace id: the caller's traceparent, or a new one; log lines name it; nothing is exported. */
@QuarkusTest
class TraceIdTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    TraceSampler sampler;

    @Test
    void theCallersTraceparentIsTheRequestsTrace() {
        given().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .when().get("/test/trace")
                .then().statusCode(200)
                .body("mdcTraceId", is(TRACE_ID))
                .body("spanTraceId", is(TRACE_ID));
    }

    @Test
    void withoutTraceparentANewTraceIsStarted() {
        given().when().get("/test/trace")
                .then().statusCode(200)
                .body("mdcTraceId", matchesPattern("[0-9a-f]{32}"))
                .body("mdcTraceId", not(is("00000000000000000000000000000000")));
    }

    @Test
    void withoutAnOtlpEndpointNothingIsSampledSoNothingIsSent() {
        assertTrue(sampler.getDescription().contains("no OTLP endpoint"), sampler.getDescription());
        given().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .when().get("/test/trace")
                .then().statusCode(200).body("sampled", is(false));
    }

    @Test
    void withAnEndpointTheCallersDecisionIsFollowed() {
        assertTrue(new TraceSampler(true).exporting());
        assertFalse(new TraceSampler(false).exporting());
    }

    @Test
    void aLogLineOfTheRequestCarriesItsTraceId() {
        java.util.List<org.jboss.logmanager.ExtLogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record instanceof org.jboss.logmanager.ExtLogRecord ext
                        && "trace endpoint called".equals(ext.getMessage())) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        org.jboss.logmanager.Logger root = org.jboss.logmanager.LogContext.getLogContext().getLogger("");
        root.addHandler(handler);
        try {
            given().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                    .when().get("/test/trace").then().statusCode(200);
        } finally {
            root.removeHandler(handler);
        }
        assertEquals(1, records.size());
        assertEquals(TRACE_ID, records.get(0).getMdc("traceId"));
    }

    @Test
    void everyLogLineNamesTheTrace() {
        String format = ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class);
        assertTrue(format.contains("%X{traceId}"), format);
        assertEquals(Boolean.FALSE,
                ConfigProvider.getConfig().getValue("quarkus.log.console.json.enabled", Boolean.class));
    }
}
