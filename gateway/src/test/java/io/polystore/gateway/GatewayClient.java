package io.polystore.gateway;

import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP/1.1 calls to the gateway under test (java.net.http: it sends what it is told, and async at once). */
public final class GatewayClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public GatewayClient(URL gateway) {
        try {
            this.base = gateway.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** GET with the given header name/value pairs. */
    public HttpResponse<String> get(String path, String... headers) {
        try {
            return getAsync(path, headers).get();
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest
                .newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET on the gateway's management port (/q/health, /q/metrics, the detailed /health). */
    public HttpResponse<String> management(String path) {
        HttpRequest request = HttpRequest.newBuilder(managementBase().resolve(path))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " on the management port failed", e);
        }
    }

    /** Quarkus' management test port (default 9001): the gateway's tests keep it fixed. */
    public static URI managementBase() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
        return URI.create("http://localhost:" + port + "/");
    }

    /** A numeric response header, or -1 when absent. */
    public static long number(HttpResponse<?> response, String header) {
        return response.headers().firstValue(header).map(Long::parseLong).orElse(-1L);
    }

    /** The value of one series in {@code /q/metrics} (given as tag/value pairs), 0 if it is not there yet. */
    public double metric(String name, String... tags) {
        String text = management("/q/metrics").body();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(text);
        series : while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            for (int i = 0; i < tags.length; i += 2) {
                if (!found.contains(tags[i] + "=\"" + tags[i + 1] + "\"")) {
                    continue series;
                }
            }
            return Double.parseDouble(matcher.group(2));
        }
        return 0;
    }
}
