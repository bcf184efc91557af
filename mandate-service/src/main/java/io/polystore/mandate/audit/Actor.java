package io.polystore.mandate.audit;

import io.polystore.rest.identity.CurrentCaller;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/**
 * Who acts and from where, as the audit log records it. The tenant is the calling platform user. The client address is
 * the Vert.x request's remote address: the chassis believes forwarded headers only from {@code GATEWAY_ADDRESSES}, so
 * behind the gateway it is the address the gateway saw.
 *
 * @param keyId
 *            the API key (0 for the ops command line)
 */
public record Actor(String tenantId, long userId, long keyId, String clientAddress, String userAgent, String via) {

    static final int MAX_USER_AGENT = 300;

    public static Actor of(CurrentCaller caller, HttpServerRequest request) {
        SocketAddress remote = request == null ? null : request.remoteAddress();
        String agent = request == null ? null : request.getHeader("User-Agent");
        return new Actor(tenantOf(caller.userId()), caller.userId(), caller.keyId(),
                remote == null ? null : remote.hostAddress(),
                agent == null ? null : agent.substring(0, Math.min(agent.length(), MAX_USER_AGENT)), "api");
    }

    /** An operator running the ops command line for one tenant. */
    public static Actor operator(String tenantId) {
        return new Actor(tenantId, 0, 0, null, null, "ops-cli");
    }

    /** The service's own jobs (expiry, retention). */
    public static Actor system(String tenantId) {
        return new Actor(tenantId, 0, 0, null, null, "system");
    }

    public static String tenantOf(long userId) {
        return Long.toString(userId);
    }

    /** The audit row's {@code details}. */
    public JsonObject details() {
        JsonObject details = new JsonObject().put("via", via);
        if (userId > 0) {
            details.put("userId", userId).put("keyId", keyId);
        }
        if (clientAddress != null) {
            details.put("clientAddress", clientAddress);
        }
        if (userAgent != null) {
            details.put("userAgent", userAgent);
        }
        return details;
    }
}
