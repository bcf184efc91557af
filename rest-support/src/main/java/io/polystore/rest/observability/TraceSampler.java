package io.polystore.rest.observability;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every request gets a trace id (the caller's W3C {@code traceparent}, or a new one), which every log line names
 * ({@code %X{traceId}}) and outgoing calls pass on. Spans are exported over OTLP only when an endpoint is configured
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}): without one, no span is sampled, so the exporter never sends (nor fails and
 * logs), while ids still exist and propagate.
 */
@Singleton
public class TraceSampler implements Sampler {

    static final List<String> ENDPOINT_PROPERTIES = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");

    private final Sampler delegate;
    private final boolean exporting;

    public TraceSampler() {
        this(ENDPOINT_PROPERTIES.stream().anyMatch(property -> ConfigProvider.getConfig()
                .getOptionalValue(property, String.class).filter(value -> !value.isBlank()).isPresent()));
    }

    TraceSampler(boolean exporting) {
        this.exporting = exporting;
        this.delegate = exporting ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }

    public boolean exporting() {
        return exporting;
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return exporting
                ? "polystore: export over OTLP (" + delegate.getDescription() + ")"
                : "polystore: no OTLP endpoint, nothing sampled";
    }
}
