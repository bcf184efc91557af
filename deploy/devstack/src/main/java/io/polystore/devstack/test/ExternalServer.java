package io.polystore.devstack.test;

import java.net.URI;
import java.util.Optional;

/**
 * A store server that the environment names instead of an embedded one: a machine with real servers, or a Docker host
 * running Testcontainers, sets e.g. {@code POLYSTORE_TEST_MYSQL_URL=mysql://root:secret@127.0.0.1:3306}.
 */
record ExternalServer(String host, int port, String user, String password) {

    static Optional<ExternalServer> fromEnvironment(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(value);
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        return Optional.of(new ExternalServer(uri.getHost(), uri.getPort(), user, password));
    }

    String address() {
        return host + ":" + port;
    }
}
