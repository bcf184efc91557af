package io.polystore.gateway.routing;

import io.vertx.core.http.HttpClient;
import io.vertx.httpproxy.HttpProxy;
import java.util.List;

/**
 * One backend service: its connection pool and the proxy that streams requests to it, both created once at startup;
 * {@code routes} are the prefixes it serves, its aliases included.
 */
record Upstream(String service, List<String> routes, HttpClient client, HttpProxy proxy) {
}
