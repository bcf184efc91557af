package io.polystore.session.health;

import io.polystore.devstack.test.IdentityTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The worst kind of outage: a "Redis" that accepts connections and never answers (a hung server or a black-holed
 * network), where nothing fails by itself and only timeouts help.
 */
public class UnresponsiveRedis implements QuarkusTestResourceLifecycleManager {

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "unresponsive-redis");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("redis.host", "127.0.0.1", "redis.port", String.valueOf(server.getLocalPort()));
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IdentityTestResource.class),
                    new TestResourceEntry(UnresponsiveRedis.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
