package io.polystore.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Sends a request line exactly as written: HTTP client libraries normalize "..", which is what is under test. */
final class RawHttp {

    private RawHttp() {
    }

    /** Returns the whole response, status line first. */
    static String get(URL gateway, String rawPath) throws IOException {
        return get(gateway, rawPath, null);
    }

    /** The same with {@code X-API-Key} (when not null). */
    static String get(URL gateway, String rawPath, String apiKey) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: " + gateway.getHost() + ":" + gateway.getPort()
                    + (apiKey == null ? "" : "\r\nX-API-Key: " + apiKey) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
