package io.polystore.mandate.config;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A PostgreSQL connection URL as operators write it: {@code postgresql://user:password@host:port/database}.
 * <p>
 * Accepted schemes: {@code postgresql}, {@code postgres}, and {@code postgresql+driver} (e.g.
 * {@code postgresql+asyncpg}, the form the original system's {@code .env} files use; the driver part is ignored). User
 * and password may be percent-encoded (needed for {@code @ : / ? #} and {@code %} in a password). The port defaults to
 * 5432. The only query parameters accepted are {@code sslmode} ({@code disable}, {@code allow}, {@code prefer},
 * {@code require}, {@code verify-ca}, {@code verify-full}) and asyncpg's {@code ssl} (the seed's {@code ?ssl=require};
 * the same modes, plus {@code true}/{@code false}); any other is rejected rather than silently dropped.
 * <p>
 * No error message and no {@link #toString()} contains the password.
 */
public final class DatabaseUrl {

    static final int DEFAULT_PORT = 5432;

    private static final Pattern SCHEME = Pattern.compile("postgres(ql)?(\\+[a-z0-9_]+)?");
    private static final Pattern DATABASE = Pattern.compile("[^/?#\\s]+");
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String sslMode;

    private DatabaseUrl(String host, int port, String database, String user, String password, String sslMode) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.sslMode = sslMode;
    }

    /**
     * @throws IllegalArgumentException
     *             naming what is wrong, never quoting the URL (it may carry the password)
     */
    public static DatabaseUrl parse(String value) {
        return parse(value, "DATABASE_URL");
    }

    /**
     * As {@link #parse(String)}, naming {@code variable} ({@code WRITE_DB_URL}, {@code READ_DB_URL}) in the message.
     */
    public static DatabaseUrl parse(String value, String variable) {
        try {
            return parseUrl(value);
        } catch (Invalid e) {
            throw new IllegalArgumentException(variable + " is invalid: " + e.getMessage()
                    + "; expected postgresql://user:password@host:port/database");
        }
    }

    private static DatabaseUrl parseUrl(String value) {
        if (value == null || value.isBlank()) {
            throw invalid("it is empty");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            // The exception's message quotes the input: do not chain it.
            throw invalid("it is not a URL (percent-encode @ : / ? # % in the user name and password)");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !SCHEME.matcher(scheme.toLowerCase(Locale.ROOT)).matches()) {
            throw invalid("the scheme must be postgresql:// or postgres://");
        }
        if (uri.getHost() == null) {
            throw invalid(uri.getRawAuthority() != null && uri.getRawAuthority().endsWith("@")
                    ? "it names no host (a Unix socket such as ?host=/cloudsql/... is not supported: connect over TCP)"
                    : "it names no host, or its user name or password holds unencoded characters such as @ or /"
                            + " (percent-encode them)");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid("the port is out of range");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() < 2 || !path.startsWith("/")) {
            throw invalid("it names no database (expected .../database)");
        }
        String database = decode(path.substring(1), "database name");
        if (!DATABASE.matcher(database).matches()) {
            throw invalid("the database name is not a single path segment");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("it has a #fragment (percent-encode # in the password as %23)");
        }

        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
            if (user.isEmpty()) {
                throw invalid("the user name is empty");
            }
        }
        return new DatabaseUrl(uri.getHost(), port, database, user, password, sslMode(uri.getRawQuery()));
    }

    private static String sslMode(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        String sslMode = null;
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = decode(equals < 0 ? parameter : parameter.substring(0, equals), "query parameter");
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1), "query parameter");
            if (name.equals("ssl")) {
                // asyncpg's spelling (the seed's ?ssl=require): its modes are libpq's, plus true/false
                value = switch (value) {
                    case "true" -> "require";
                    case "false" -> "disable";
                    default -> value;
                };
            } else if (!name.equals("sslmode")) {
                throw invalid("query parameter '" + name + "' is not supported (only sslmode and ssl are)");
            }
            if (!SSL_MODES.contains(value)) {
                throw invalid("sslmode must be one of " + String.join(", ", SSL_MODES.stream().sorted().toList()));
            }
            sslMode = value;
        }
        return sslMode;
    }

    /** Percent-decoding as in RFC 3986: unlike {@code URLDecoder}, a {@code +} stays a plus. */
    private static String decode(String raw, String what) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw invalid("the " + what + " has a malformed %-escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                int end = i + Character.charCount(raw.codePointAt(i));
                byte[] encoded = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("the " + what + " is not valid UTF-8 once decoded");
        }
    }

    private static Invalid invalid(String reason) {
        return new Invalid(reason);
    }

    /** What is wrong, without the URL; {@link #parse(String, String)} names the variable. */
    private static final class Invalid extends IllegalArgumentException {

        Invalid(String reason) {
            super(reason);
        }
    }

    /** URL for the Vert.x reactive PostgreSQL client (Hibernate Reactive). */
    public String reactiveUrl() {
        return "postgresql://" + address() + "/" + database + sslParameter();
    }

    /** URL for the PostgreSQL JDBC driver (Flyway). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + address() + "/" + database + sslParameter();
    }

    /**
     * The Quarkus datasource keys this URL sets. A URL without user or password leaves that key out, so
     * {@code POSTGRES_USER} / {@code POSTGRES_PASSWORD} still supply it.
     */
    public Map<String, String> datasourceProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.datasource.reactive.url", reactiveUrl());
        properties.put("quarkus.datasource.jdbc.url", jdbcUrl());
        if (user != null) {
            properties.put("quarkus.datasource.username", user);
        }
        if (password != null) {
            properties.put("quarkus.datasource.password", password);
        }
        return properties;
    }

    private String address() {
        return host + ":" + port;
    }

    private String sslParameter() {
        return sslMode == null ? "" : "?sslmode=" + sslMode;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String sslMode() {
        return sslMode;
    }

    /** The URL with the password masked, safe to log. */
    @Override
    public String toString() {
        String credentials = user == null ? "" : user + (password == null ? "" : ":***") + "@";
        return "postgresql://" + credentials + address() + "/" + database + sslParameter();
    }
}
