package io.polystore.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fixed-window Lua script ({@code ratelimit/fixed-window.lua}) and its SHA-1, the name EVALSHA calls it by. */
public final class RateLimitScript {

    public static final String SOURCE = load();
    public static final String SHA1 = sha1(SOURCE);

    private RateLimitScript() {
    }

    private static String load() {
        try (InputStream in = RateLimitScript.class.getResourceAsStream("/ratelimit/fixed-window.lua")) {
            if (in == null) {
                throw new IllegalStateException("ratelimit/fixed-window.lua is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
