package io.polystore.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One service's entry in {@code /health}: {@code error} says briefly why it is down. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceHealth(ServiceState status, long latencyMs, String error) {
}
