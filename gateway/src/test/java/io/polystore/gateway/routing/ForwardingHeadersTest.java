package io.polystore.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ForwardingHeadersTest {

    @Test
    void dropsHopByHopHeadersAndThoseConnectionNames() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Hop-A")
                .add("connection", "x-hop-b")
                .add("X-Hop-A", "1")
                .add("X-Hop-B", "2")
                .add("Keep-Alive", "timeout=5")
                .add("Proxy-Authorization", "Basic x")
                .add("Proxy-Connection", "keep-alive")
                .add("PROXY-Authenticate", "Basic")
                .add("TE", "trailers")
                .add("Trailer", "X-Sum")
                .add("Transfer-Encoding", "chunked")
                .add("Upgrade", "h2c")
                .add("Content-Type", "application/json")
                .add("X-Proxy-Id", "kept: not a Proxy-* header")
                .add("Authorization", "Bearer kept");
        ForwardingHeaders.dropHopByHop(headers);
        Set<String> left = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        left.addAll(headers.names());
        assertEquals(Set.of("Authorization", "Content-Type", "X-Proxy-Id"), Set.copyOf(left));
    }

    @Test
    void leavesOrdinaryHeadersAlone() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Accept", "a").add("Accept", "b");
        ForwardingHeaders.dropHopByHop(headers);
        assertEquals(2, headers.getAll("accept").size());
    }
}
